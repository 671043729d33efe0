using System.Net;
using System.Text;
using CrossCoaching.Messaging;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace CrossCoaching.Tests.Operations;

/// <summary>The optional exporter sends the bot's meter to a collector over OTLP/HTTP (here a stand-in on loopback).</summary>
[Collection(ProcessWideMeterListeners.Name)]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task With_Metrics__OtlpEndpoint_set_the_bots_counters_reach_the_collector()
    {
        var port = HealthEndpointTests.FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = ReceiveAsync(collector);
        using var folder = new TempFolder();
        using var host = TestHostBuilder.Create(new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "test-token",
            ["ConnectionStrings:CrossCoaching"] = $"Data Source={folder.File("bot.db")}",
            ["Metrics:OtlpEndpoint"] = $"http://127.0.0.1:{port}",
            ["Metrics:OtlpProtocol"] = "http/protobuf",
        }).Build();

        var provider = host.Services.GetRequiredService<MeterProvider>();
        host.Services.GetRequiredService<OutboxMetrics>().Owed("test");
        Assert.True(provider.ForceFlush(10_000));

        var (path, body) = await received.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("/v1/metrics", path);
        // Protobuf keeps strings as UTF-8 bytes: the instrument's and the meter's names are in the payload as is.
        Assert.Contains("crosscoaching.outbox.owed", body, StringComparison.Ordinal);
        Assert.Contains("CrossCoaching", body, StringComparison.Ordinal);
    }

    private static async Task<(string Path, string Body)> ReceiveAsync(HttpListener collector)
    {
        while (true)
        {
            var context = await collector.GetContextAsync();
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            context.Response.StatusCode = 200;
            context.Response.Close();
            var body = Encoding.Latin1.GetString(buffer.ToArray());
            if (body.Contains("crosscoaching.outbox.owed", StringComparison.Ordinal))
                return (context.Request.Url!.AbsolutePath, body);
        }
    }
}
