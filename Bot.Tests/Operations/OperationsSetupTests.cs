using CrossCoaching.Hosting;
using CrossCoaching.Operations;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace CrossCoaching.Tests.Operations;

/// <summary>What the Health and Metrics settings register in the bot's real service graph, and what they refuse.</summary>
public sealed class OperationsSetupTests
{
    private static async Task<(string? Problem, IHost Host)> PrepareAsync(TempFolder folder, Dictionary<string, string?> settings)
    {
        settings.TryAdd("DISCORD_TOKEN", "test-token");
        settings.TryAdd("ConnectionStrings:CrossCoaching", $"Data Source={folder.File("db", "bot.db")}");
        var host = TestHostBuilder.Create(settings).Build();
        return (await BotRunner.PrepareAsync(host), host);
    }

    [Fact]
    public async Task By_default_no_health_endpoint_and_no_exporter_are_registered()
    {
        using var folder = new TempFolder();
        var (problem, host) = await PrepareAsync(folder, []);
        using var _ = host;

        Assert.Null(problem);
        Assert.Null(host.Services.GetService<HealthListener>());
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s is HealthListener);
        Assert.DoesNotContain(host.Services.GetServices<IStartupTask>(), s => s is HealthListener);
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task Health__Port_starts_the_endpoint_on_loopback_during_the_start_up_tasks()
    {
        using var folder = new TempFolder();
        var port = HealthEndpointTests.FreePort();
        var (problem, host) = await PrepareAsync(folder, new() { ["Health:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var _ = host;

        Assert.Null(problem);
        var endpoint = host.Services.GetRequiredService<HealthListener>().Endpoint;
        Assert.Equal(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port), endpoint);
    }

    [Theory]
    [InlineData("Health:Port", "70000", "Health__Port")]
    [InlineData("Health:Address", "localhost", "Health__Address")]
    [InlineData("Metrics:OtlpEndpoint", "collector:4317", "Metrics__OtlpEndpoint")]
    [InlineData("Metrics:OtlpProtocol", "udp", "Metrics__OtlpProtocol")]
    [InlineData("Metrics:ExportSeconds", "0", "Metrics__ExportSeconds")]
    public async Task A_wrong_value_stops_the_start_naming_its_key(string key, string value, string named)
    {
        using var folder = new TempFolder();
        var (problem, host) = await PrepareAsync(folder, new() { [key] = value });
        using var _ = host;

        Assert.NotNull(problem);
        Assert.Contains(named, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", problem, StringComparison.Ordinal);
    }
}
