using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Hosting;

namespace CrossCoaching.Tests.Fakes;

/// <summary>The real service graph of <see cref="Program"/>, configured only by what a test gives it.</summary>
public static class TestHostBuilder
{
    public static HostApplicationBuilder Create(IDictionary<string, string?> settings, string? secretsDirectory = null)
    {
        var builder = Program.CreateBuilder([], secretsDirectory ?? Path.Combine(Path.GetTempPath(), "crosscoaching-no-secrets"));
        // The machine running the tests must not leak its own DISCORD_TOKEN or settings into them.
        foreach (var source in builder.Configuration.Sources.OfType<EnvironmentVariablesConfigurationSource>().ToList())
            builder.Configuration.Sources.Remove(source);
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
