using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class GatewayHeartbeatTests
{
    private static readonly EmulatorOptions Fast = new() { HeartbeatInterval = TimeSpan.FromMilliseconds(500), IdentifyInterval = TimeSpan.Zero };

    [Fact]
    public async Task A_heartbeat_is_acknowledged_and_carries_the_sequence()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var (gateway, ready) = await RawGateway.IdentifiedAsync(emulator);

        await gateway.SendAsync(1, ready["s"]!.GetValue<int>());
        var ack = await gateway.ReceiveUntilAsync(p => p["op"]!.GetValue<int>() != 0);

        Assert.Equal(11, ack["op"]!.GetValue<int>());
        Assert.Equal(1, (await emulator.WaitForHeartbeatAsync()).Sequence);
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task Without_heartbeats_the_connection_is_closed_after_the_tolerance_and_the_session_stays_resumable()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await DiscordEmulator.StartAsync(Fast with { Time = clock });
        var (gateway, ready) = await RawGateway.IdentifiedAsync(emulator);

        clock.Advance(TimeSpan.FromMilliseconds(740));
        await Task.Delay(100);
        var openAtTolerance = emulator.Connections[0].ServerCloseCode is null;
        var closing = gateway.ReceiveCloseAsync();
        while (!closing.IsCompleted)
        {
            // The watchdog re-arms its check on the fake clock; keep time moving until it fires.
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(5);
        }
        var code = await closing;
        await gateway.DisposeAsync();
        await using var again = await RawGateway.ConnectAsync(emulator.ResumeGatewayUrl);
        await again.ReceiveAsync();
        await again.SendAsync(6, RawGateway.Resume(emulator.Token, ready["d"]!["session_id"]!.GetValue<string>(), 1));
        var resumed = await again.ReceiveDispatchAsync("RESUMED");

        Assert.True(openAtTolerance, "500 ms × 1.5 had not passed yet");
        Assert.Equal(emulator.Options.HeartbeatTimeoutCloseCode, code);
        Assert.Equal("resumed", emulator.Resumes.Single().Outcome);
        Assert.True(emulator.Connections[1].IsResumeUrl);
        Assert.NotNull(resumed);
    }

    [Fact]
    public async Task Stopped_acknowledgements_leave_heartbeats_unanswered_and_op_1_asks_for_one()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var (gateway, _) = await RawGateway.IdentifiedAsync(emulator);
        emulator.StopAcknowledgingHeartbeats();

        await gateway.SendAsync(1, 2);
        emulator.RequestHeartbeat();
        var next = await gateway.ReceiveUntilAsync(p => p["op"]!.GetValue<int>() != 0);

        Assert.Equal(1, next["op"]!.GetValue<int>());
        Assert.DoesNotContain(emulator.Frames, f => f.Direction == FrameDirection.Out && f.Op == 11);
        await gateway.DisposeAsync();
    }
}
