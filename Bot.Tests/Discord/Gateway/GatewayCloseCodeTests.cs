using CrossCoaching.Discord;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Tests.Discord.Gateway;

public sealed class GatewayCloseCodeTests
{
    private static async Task<LogEntry> CloseWithAsync(GatewayHarness gateway, int code)
    {
        var (connection, _) = await gateway.ConnectAsync();
        connection.PushClose(code);
        await gateway.Running.WaitAsync(ScriptedGatewayConnection.Patience);
        await gateway.Connections.AssertNoNewConnectionAsync();
        Assert.Equal(1, gateway.Connections.Count);
        Assert.Equal(1, gateway.Lifetime.StopCalls);
        Assert.Equal(1, gateway.Exit.Code);
        return Assert.Single(gateway.Logs.Entries, e => e.Level == LogLevel.Critical);
    }

    [Fact]
    public async Task Close_4004_stops_the_bot_once_saying_the_token_was_rejected_and_does_not_reconnect()
    {
        await using var gateway = new GatewayHarness().Start();

        var line = await CloseWithAsync(gateway, 4004);

        Assert.Contains("rejected the token", line.Message, StringComparison.Ordinal);
        Assert.Contains("DISCORD_TOKEN", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line.Message);
    }

    [Theory]
    [InlineData(4010, "Discord__ShardId")]
    [InlineData(4011, "Discord__ShardCount")]
    [InlineData(4012, "API v10")]
    [InlineData(4013, "intents")]
    [InlineData(4014, "privileged intent")]
    public async Task A_fatal_close_code_stops_the_bot_with_a_line_that_says_what_to_fix(int code, string hint)
    {
        await using var gateway = new GatewayHarness().Start();

        var line = await CloseWithAsync(gateway, code);

        Assert.Contains(hint, line.Message, StringComparison.Ordinal);
        Assert.Contains($"{code}", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_refused_by_gateway_bot_stops_the_bot_without_connecting()
    {
        await using var gateway = new GatewayHarness();
        gateway.Api.Failures.Enqueue(new DiscordApiException(401, 0, "401: Unauthorized", "GET /gateway/bot"));
        gateway.Start();

        await gateway.Running.WaitAsync(ScriptedGatewayConnection.Patience);

        Assert.Equal(0, gateway.Connections.Count);
        Assert.Equal(1, gateway.Lifetime.StopCalls);
        Assert.Contains(gateway.Logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("rejected the token", StringComparison.Ordinal));
    }
}
