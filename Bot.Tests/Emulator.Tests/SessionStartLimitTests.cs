using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class SessionStartLimitTests
{
    // The raw client sends no heartbeat: a long interval keeps the emulator from closing it as a zombie before the
    // IDENTIFY is answered on a loaded machine.
    private static readonly EmulatorOptions Fast = new() { HeartbeatInterval = TimeSpan.FromSeconds(30), IdentifyInterval = TimeSpan.Zero };

    [Fact]
    public async Task A_budget_set_by_the_test_is_reported_by_gateway_bot_and_each_session_started_spends_one()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        emulator.SetSessionStartLimit(remaining: 2, resetAfter: TimeSpan.FromMinutes(90), maxConcurrency: 16);
        using var rest = new RawRest(emulator);

        var before = (await rest.GetAsync("/gateway/bot")).Body!["session_start_limit"]!;
        await using (var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl))
        {
            await gateway.ReceiveAsync();
            await gateway.SendAsync(2, RawGateway.Identify(emulator.Token));
            await gateway.ReceiveUntilAsync(f => f["t"]?.GetValue<string>() == "READY");
        }
        var after = (await rest.GetAsync("/gateway/bot")).Body!["session_start_limit"]!;

        Assert.Equal((2, 5_400_000L, 16), (before["remaining"]!.GetValue<int>(), before["reset_after"]!.GetValue<long>(), before["max_concurrency"]!.GetValue<int>()));
        Assert.Equal(1, after["remaining"]!.GetValue<int>());
        Assert.Equal(1, emulator.SessionStarts);
        Assert.Single(emulator.Identifies);
    }

    [Fact]
    public async Task With_no_session_start_left_an_identify_is_counted_and_answered_with_an_invalid_session()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        emulator.SetSessionStartLimit(remaining: 0, resetAfter: TimeSpan.FromHours(1));
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);

        await gateway.ReceiveAsync();
        await gateway.SendAsync(2, RawGateway.Identify(emulator.Token));
        var answer = await gateway.ReceiveAsync();

        Assert.Equal(9, answer!["op"]!.GetValue<int>());
        Assert.Equal("invalid-session", Assert.Single(emulator.Identifies).Outcome);
        Assert.Equal(0, emulator.SessionStarts);
    }
}
