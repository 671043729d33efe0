using System.Text;
using CrossCoaching.Discord.Gateway;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Discord.Gateway;

public sealed class GatewaySendLimitTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ScriptedGatewayConnection _connection = new(1);

    private GatewaySender CreateSender()
    {
        _connection.OpenAsync(new Uri("wss://gateway.test/")).Wait();
        return new GatewaySender(_connection, new GatewaySendLimiter(_time), _logs.For<GatewaySender>());
    }

    private static byte[] Presence(int n) => Encoding.UTF8.GetBytes($$$"""{"op":3,"d":{"n":{{{n}}}}}""");

    private static readonly byte[] Heartbeat = Encoding.UTF8.GetBytes("""{"op":1,"d":null}""");

    [Fact]
    public async Task Ordinary_sends_stop_at_115_a_minute_while_heartbeats_still_go()
    {
        using var sender = CreateSender();
        for (var n = 0; n < 115; n++)
            Assert.True(await sender.SendAsync(Presence(n), priority: false, "presence", CancellationToken.None));

        var waiting = sender.SendAsync(Presence(115), priority: false, "presence", CancellationToken.None);
        await Task.Delay(30);
        Assert.False(waiting.IsCompleted);
        Assert.True(await sender.SendAsync(Heartbeat, priority: true, "heartbeat", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(116, _connection.SentTexts.Count);

        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(117, _connection.SentTexts.Count);
        Assert.Contains("\"n\":115", _connection.SentTexts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_window_slides_so_a_send_waits_only_for_the_oldest_send_to_age_out()
    {
        using var sender = CreateSender();
        await sender.SendAsync(Presence(0), priority: false, "presence", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        for (var n = 1; n < 115; n++)
            await sender.SendAsync(Presence(n), priority: false, "presence", CancellationToken.None);

        var waiting = sender.SendAsync(Presence(115), priority: false, "presence", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(30);
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Even_priority_sends_never_exceed_120_a_minute()
    {
        using var sender = CreateSender();
        for (var n = 0; n < 120; n++)
            await sender.SendAsync(Heartbeat, priority: true, "heartbeat", CancellationToken.None);

        var waiting = sender.SendAsync(Heartbeat, priority: true, "heartbeat", CancellationToken.None);
        await Task.Delay(30);

        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(60));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_payload_over_4096_bytes_is_dropped_and_logged()
    {
        using var sender = CreateSender();
        var largest = Encoding.UTF8.GetBytes($$"""{"op":3,"d":"{{new string('x', 4096 - 15)}}"}""");
        var large = Encoding.UTF8.GetBytes($$"""{"op":3,"d":"{{new string('x', 4096 - 14)}}"}""");
        Assert.Equal(4096, largest.Length);

        Assert.False(await sender.SendAsync(large, priority: false, "presence", CancellationToken.None));
        Assert.True(await sender.SendAsync(largest, priority: false, "presence", CancellationToken.None));

        Assert.Equal(4096, Assert.Single(_connection.SentTexts).Length);
        var line = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("4096", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", line.Message, StringComparison.Ordinal);
    }
}
