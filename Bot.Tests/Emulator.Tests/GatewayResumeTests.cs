using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class GatewayResumeTests
{
    private static readonly EmulatorOptions Fast = new() { HeartbeatInterval = TimeSpan.FromSeconds(5), IdentifyInterval = TimeSpan.Zero };

    [Fact]
    public async Task A_resume_after_a_drop_replays_the_missed_dispatches_in_order_then_RESUMED()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var (gateway, ready) = await RawGateway.IdentifiedAsync(emulator);
        var sessionId = ready["d"]!["session_id"]!.GetValue<string>();
        var seen = (await gateway.ReceiveDispatchAsync("GUILD_CREATE"))["s"]!.GetValue<int>();

        emulator.DropConnection();
        await emulator.WaitForCloseAsync(1);
        emulator.AddTextChannel(guild, "missed-1");
        emulator.Dispatch("CUSTOM_EVENT", new JsonObject { ["n"] = 2 });
        emulator.AddTextChannel(guild, "missed-3");
        await using var again = await RawGateway.ConnectAsync(emulator.ResumeGatewayUrl);
        await again.ReceiveAsync();
        await again.SendAsync(6, RawGateway.Resume(emulator.Token, sessionId, seen));
        var replayed = new List<JsonObject>();
        for (var i = 0; i < 4; i++)
            replayed.Add((await again.ReceiveAsync())!);

        Assert.Equal(["CHANNEL_CREATE", "CUSTOM_EVENT", "CHANNEL_CREATE", "RESUMED"], replayed.Select(p => p["t"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(seen + 1, 4), replayed.Select(p => p["s"]!.GetValue<int>()));
        Assert.Equal("missed-3", replayed[2]["d"]!["name"]!.GetValue<string>());
        var resume = Assert.Single(emulator.Resumes);
        Assert.Equal(("resumed", 3, "/resume-gateway"), (resume.Outcome, resume.Replayed, resume.Path));
        Assert.True(emulator.Connections[0].Dropped);
        Assert.Single(emulator.Identifies);
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task Dispatches_after_the_resume_continue_the_sequence()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var (gateway, ready) = await RawGateway.IdentifiedAsync(emulator);
        await gateway.CloseAsync();
        await emulator.WaitForCloseAsync(1);
        await using var again = await RawGateway.ConnectAsync(emulator.ResumeGatewayUrl);
        await again.ReceiveAsync();
        await again.SendAsync(6, RawGateway.Resume(emulator.Token, ready["d"]!["session_id"]!.GetValue<string>(), 1));
        var resumed = await again.ReceiveDispatchAsync("RESUMED");

        emulator.Dispatch("AFTER", new JsonObject());
        var after = await again.ReceiveDispatchAsync("AFTER");

        Assert.Equal(resumed["s"]!.GetValue<int>() + 1, after["s"]!.GetValue<int>());
        Assert.Equal(4000, emulator.Connections[0].ClientCloseCode);
        await gateway.DisposeAsync();
    }

    [Theory]
    [InlineData("unknown-session", false)]
    [InlineData(null, true)]
    public async Task A_resume_of_an_unknown_session_or_with_a_wrong_token_gets_invalid_session_false(string? sessionId, bool wrongToken)
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var (gateway, ready) = await RawGateway.IdentifiedAsync(emulator);
        await gateway.CloseAsync();
        await using var again = await RawGateway.ConnectAsync(emulator.ResumeGatewayUrl);
        await again.ReceiveAsync();

        await again.SendAsync(6, RawGateway.Resume(wrongToken ? "nope" : emulator.Token, sessionId ?? ready["d"]!["session_id"]!.GetValue<string>(), 1));
        var answer = await again.ReceiveAsync();

        Assert.Equal(9, answer!["op"]!.GetValue<int>());
        Assert.False(answer["d"]!.GetValue<bool>());
        Assert.Equal("invalid-session", emulator.Resumes.Single().Outcome);
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_session_closed_with_1000_cannot_be_resumed()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var (gateway, ready) = await RawGateway.IdentifiedAsync(emulator);
        await gateway.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure);
        await emulator.WaitForCloseAsync(1);
        await using var again = await RawGateway.ConnectAsync(emulator.ResumeGatewayUrl);
        await again.ReceiveAsync();

        await again.SendAsync(6, RawGateway.Resume(emulator.Token, ready["d"]!["session_id"]!.GetValue<string>(), 1));

        Assert.Equal(9, (await again.ReceiveAsync())!["op"]!.GetValue<int>());
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task Reconnect_sends_op_7_then_closes_the_socket_if_the_client_stays()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast with { ReconnectCloseDelay = TimeSpan.FromMilliseconds(200) });
        var (gateway, _) = await RawGateway.IdentifiedAsync(emulator);

        emulator.SendReconnect();
        var reconnect = await gateway.ReceiveUntilAsync(p => p["op"]!.GetValue<int>() == 7);
        var code = await gateway.ReceiveCloseAsync();

        Assert.NotNull(reconnect);
        Assert.Equal(4000, code);
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task Identifies_closer_than_the_concurrency_window_get_invalid_session()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { HeartbeatInterval = TimeSpan.FromSeconds(5) });
        var (first, _) = await RawGateway.IdentifiedAsync(emulator);
        await using var second = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await second.ReceiveAsync();

        await second.SendAsync(2, RawGateway.Identify(emulator.Token));
        var answer = await second.ReceiveAsync();

        Assert.Equal((9, false), (answer!["op"]!.GetValue<int>(), answer["d"]!.GetValue<bool>()));
        Assert.Equal(["ready", "invalid-session"], emulator.Identifies.Select(i => i.Outcome));
        await first.DisposeAsync();
    }
}
