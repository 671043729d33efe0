using CrossCoaching.Discord;
using CrossCoaching.Tests.Fakes;

namespace CrossCoaching.Tests.Discord.Gateway;

/// <summary>What the gateway session tells the readiness check and the metrics: connected or not, and each reconnect.</summary>
public sealed class GatewayStatusTests
{
    [Fact]
    public async Task A_shard_is_connected_from_READY_until_its_connection_drops_then_again_from_RESUMED_and_the_reconnect_is_counted()
    {
        var meters = MetricRecorder.NewFactory();
        using var metrics = new MetricRecorder(meters);
        await using var gateway = new GatewayHarness(new DiscordMetrics(meters)).Start();
        bool Connected() => Assert.Single(gateway.Session.Shards).Connected;

        var (connection, _) = await gateway.ConnectAsync();
        Assert.False(Connected()); // identified, not yet READY
        await gateway.ReadyAsync(connection);
        Assert.True(Connected());

        connection.PushClose(null);
        await gateway.ReconnectingAsync();
        Assert.False(Connected());
        var reconnect = Assert.Single(metrics.Of("crosscoaching.discord.gateway.reconnects"));
        Assert.Equal(("0", "resume"), (reconnect.Tag("shard"), reconnect.Tag("action")));

        var next = await gateway.Connections.NextAsync();
        next.PushHello(41250);
        await next.NextSentAsync(6);
        Assert.False(Connected());
        next.PushDispatch("RESUMED", 2, "{}");
        await gateway.Dispatches.WaitForAsync("RESUMED");
        Assert.True(Connected());
    }
}
