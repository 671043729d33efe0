using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Hosting;

namespace CrossCoaching.Tests.Fakes;

/// <summary>The real service graph of <see cref="Program"/>, configured only by what a test gives it.</summary>
public static class TestHostBuilder
{
    public static HostApplicationBuilder Create(IDictionary<string, string?> settings, string? secretsDirectory = null)
    {
        return Program.CreateBuilder([], configuration =>
        {
            // The machine running the tests must not leak its own DISCORD_TOKEN or settings into them.
            foreach (var source in configuration.Sources.OfType<EnvironmentVariablesConfigurationSource>().ToList())
                configuration.Sources.Remove(source);
            configuration.AddInMemoryCollection(settings);
        }, secretsDirectory ?? Path.Combine(Path.GetTempPath(), "crosscoaching-no-secrets"));
    }
}
