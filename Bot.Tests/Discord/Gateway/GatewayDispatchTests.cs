using System.Text.Json;
using CrossCoaching.Discord.Gateway;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Tests.Discord.Gateway;

public sealed class GatewayDispatchTests
{
    private sealed class Probe(string name, List<string> log, bool throws = false) : IGatewayDispatchHandler
    {
        public ValueTask OnDispatchAsync(string eventName, JsonElement data, CancellationToken cancellationToken = default)
        {
            lock (log)
                log.Add($"{name}:{eventName}:{data.GetProperty("n").GetInt32()}");
            return throws ? throw new InvalidOperationException($"{name} broke") : ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Every_dispatch_reaches_every_handler_in_order_and_a_throwing_handler_does_not_break_the_connection()
    {
        var calls = new List<string>();
        await using var gateway = new GatewayHarness(handlers: [new Probe("first", calls, throws: true), new Probe("second", calls)]).Start();
        var (connection, _) = await gateway.ConnectAsync();

        connection.PushDispatch("CHANNEL_CREATE", 1, """{"n":1}""");
        connection.PushDispatch("CHANNEL_UPDATE", 2, """{"n":2}""");
        await gateway.Dispatches.WaitForAsync("CHANNEL_UPDATE");
        connection.PushDispatch("GUILD_UPDATE", 3, """{"n":3}""");
        await gateway.Dispatches.WaitForAsync("GUILD_UPDATE");
        connection.Push("""{"op":1,"d":null}""");

        Assert.Equal(3, (await connection.NextSentAsync(1)).GetProperty("d").GetInt64());
        lock (calls)
            Assert.Equal(["first:CHANNEL_CREATE:1", "second:CHANNEL_CREATE:1", "first:CHANNEL_UPDATE:2", "second:CHANNEL_UPDATE:2", "first:GUILD_UPDATE:3", "second:GUILD_UPDATE:3"], calls);
        Assert.Null(connection.ClosedWith);
        Assert.Equal(3, gateway.Logs.Entries.Count(e => e.Level == LogLevel.Error && e.Message.Contains("first broke", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_message_that_is_not_JSON_is_ignored()
    {
        await using var gateway = new GatewayHarness().Start();
        var (connection, _) = await gateway.ConnectAsync();

        connection.Push("not json {");
        await gateway.ReadyAsync(connection);

        Assert.Null(connection.ClosedWith);
        Assert.Contains(gateway.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("not JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task READY_is_logged_and_keeps_the_bot_user_and_application()
    {
        await using var gateway = new GatewayHarness().Start();
        var (connection, _) = await gateway.ConnectAsync();

        await gateway.ReadyAsync(connection);

        Assert.Equal("coachbot", gateway.Session.User?.Username);
        Assert.Equal(200UL, gateway.Session.ApplicationId?.Value);
        await gateway.Logs.WaitForAsync("Identified");
        Assert.Contains(gateway.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("Connected", StringComparison.Ordinal));
    }
}
