using System.Text.Json;

namespace CrossCoaching.Tests.Discord.Gateway;

public sealed class GatewayHeartbeatTests
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task The_first_heartbeat_waits_interval_times_jitter_then_one_beats_every_interval_with_the_last_sequence()
    {
        await using var gateway = new GatewayHarness(jitter: 0.25).Start();
        var (connection, _) = await gateway.ConnectAsync(heartbeatMs: 1000);

        gateway.Time.Advance(TimeSpan.FromMilliseconds(249));
        await connection.AssertNothingSentAsync();
        gateway.Time.Advance(Millisecond);
        var first = await connection.NextSentAsync(1);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("d").ValueKind);

        connection.Push("""{"op":11}""");
        await gateway.ReadyAsync(connection, sequence: 1);
        await gateway.DispatchAsync(connection, "GUILD_UPDATE", 7);
        gateway.Time.Advance(TimeSpan.FromMilliseconds(999));
        await connection.AssertNothingSentAsync();
        gateway.Time.Advance(Millisecond);
        Assert.Equal(7, (await connection.NextSentAsync(1)).GetProperty("d").GetInt64());

        connection.Push("""{"op":11}""");
        await gateway.DispatchAsync(connection, "GUILD_UPDATE", 8);
        gateway.Time.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(8, (await connection.NextSentAsync(1)).GetProperty("d").GetInt64());
    }

    [Fact]
    public async Task A_heartbeat_request_from_Discord_is_answered_at_once()
    {
        await using var gateway = new GatewayHarness(jitter: 0.9).Start();
        var (connection, _) = await gateway.ConnectAsync(heartbeatMs: 40000);
        await gateway.ReadyAsync(connection, sequence: 3);

        connection.Push("""{"op":1,"d":null}""");

        Assert.Equal(3, (await connection.NextSentAsync(1)).GetProperty("d").GetInt64());
    }

    [Fact]
    public async Task Without_an_ACK_before_the_next_beat_the_client_closes_with_4000_and_resumes_with_the_last_sequence()
    {
        await using var gateway = new GatewayHarness(jitter: 0).Start();
        var (connection, _) = await gateway.ConnectAsync(heartbeatMs: 1000);
        await connection.NextSentAsync(1);
        await gateway.ReadyAsync(connection, sequence: 1);
        await gateway.DispatchAsync(connection, "GUILD_UPDATE", 4);

        gateway.Time.Advance(TimeSpan.FromMilliseconds(1000));

        var code = await connection.WaitClosedAsync();
        Assert.NotEqual(1000, code);
        Assert.NotEqual(1001, code);
        var resumed = await gateway.Connections.NextAsync();
        Assert.Equal(new Uri(GatewayHarness.ResumeUrl + "/?v=10&encoding=json"), resumed.Url);
        resumed.PushHello(1000);
        var resume = (await resumed.NextSentAsync(6)).GetProperty("d");
        Assert.Equal(GatewayHarness.Token, resume.GetProperty("token").GetString());
        Assert.Equal(GatewayHarness.SessionId, resume.GetProperty("session_id").GetString());
        Assert.Equal(4, resume.GetProperty("seq").GetInt64());
        Assert.Contains(gateway.Logs.Entries, e => e.Message.Contains("zombie", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_ACK_in_time_keeps_the_connection()
    {
        await using var gateway = new GatewayHarness(jitter: 0).Start();
        var (connection, _) = await gateway.ConnectAsync(heartbeatMs: 1000);

        for (var beat = 0; beat < 5; beat++)
        {
            await connection.NextSentAsync(1);
            connection.Push("""{"op":11}""");
            await gateway.DispatchAsync(connection, "GUILD_UPDATE", beat + 1);
            gateway.Time.Advance(TimeSpan.FromMilliseconds(1000));
        }

        await connection.NextSentAsync(1);
        Assert.Null(connection.ClosedWith);
        Assert.Equal(1, gateway.Connections.Count);
    }
}
