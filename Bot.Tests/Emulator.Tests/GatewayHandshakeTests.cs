using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class GatewayHandshakeTests
{
    // The raw client sends no heartbeat: a long interval keeps the emulator from closing it as a zombie before the
    // handshake under test is answered on a loaded machine.
    private static readonly EmulatorOptions Fast = new() { HeartbeatInterval = TimeSpan.FromSeconds(30), IdentifyInterval = TimeSpan.Zero };

    [Fact]
    public async Task Hello_then_identify_gives_ready_and_a_complete_guild_create()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var owner = emulator.AddUser("owner");
        var alice = emulator.AddUser("alice");
        var bob = emulator.AddUser("bob");
        var guild = emulator.AddGuild("Coaching", owner, preferredLocale: "fr");
        emulator.AddMember(guild, alice);
        emulator.AddMember(guild, bob);
        var voice = emulator.AddVoiceChannel(guild, "Lobby", overwrites: [EmulatedOverwrite.Role(guild.Id, deny: Perms.Stream)]);
        emulator.JoinVoice(guild, alice, voice);
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);

        var hello = await gateway.ReceiveAsync();
        await gateway.SendAsync(2, RawGateway.Identify(emulator.Token));
        var ready = await gateway.ReceiveAsync();
        var create = await gateway.ReceiveAsync();

        Assert.Equal(10, hello!["op"]!.GetValue<int>());
        Assert.Equal(30_000, hello["d"]!["heartbeat_interval"]!.GetValue<int>());
        Assert.Equal(("READY", 1), (ready!["t"]!.GetValue<string>(), ready["s"]!.GetValue<int>()));
        var d = ready["d"]!;
        Assert.Equal(10, d["v"]!.GetValue<int>());
        Assert.Equal(emulator.BotUserId.ToString(), d["user"]!["id"]!.GetValue<string>());
        Assert.True(d["user"]!["bot"]!.GetValue<bool>());
        Assert.Equal(emulator.ResumeGatewayUrl, d["resume_gateway_url"]!.GetValue<string>());
        Assert.Equal(emulator.ApplicationId.ToString(), d["application"]!["id"]!.GetValue<string>());
        Assert.True(d["guilds"]![0]!["unavailable"]!.GetValue<bool>());
        Assert.Equal(("GUILD_CREATE", 2), (create!["t"]!.GetValue<string>(), create["s"]!.GetValue<int>()));
        var g = create["d"]!;
        Assert.Equal("fr", g["preferred_locale"]!.GetValue<string>());
        Assert.Equal(owner.Id.ToString(), g["owner_id"]!.GetValue<string>());
        Assert.False(g["unavailable"]!.GetValue<bool>());
        Assert.Contains(g["roles"]!.AsArray(), r => r!["id"]!.GetValue<string>() == guild.Id.ToString() && r["name"]!.GetValue<string>() == "@everyone");
        var channel = Assert.Single(g["channels"]!.AsArray());
        Assert.Null(channel!["guild_id"]);
        Assert.Equal("512", channel["permission_overwrites"]![0]!["deny"]!.GetValue<string>());
        var memberIds = g["members"]!.AsArray().Select(m => m!["user"]!["id"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(new[] { emulator.BotUserId.ToString(), alice.Id.ToString() }.Order(), memberIds);
        var state = Assert.Single(g["voice_states"]!.AsArray());
        Assert.Equal((alice.Id.ToString(), voice.Id.ToString()), (state!["user_id"]!.GetValue<string>(), state["channel_id"]!.GetValue<string>()));
        Assert.Null(state["guild_id"]);
        Assert.Equal(4, g["member_count"]!.GetValue<int>());
        var identify = Assert.Single(emulator.Identifies);
        Assert.False(identify.Payload.ContainsKey("token"));
        Assert.Equal(129, identify.Intents);
    }

    [Theory]
    [InlineData("a-wrong-token", 129, 4004)]
    [InlineData(null, 1 << 1, 4014)]
    [InlineData(null, 1 << 30, 4013)]
    public async Task A_refused_identify_closes_with_the_documented_code(string? token, int intents, int code)
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(2, RawGateway.Identify(token ?? emulator.Token, intents));

        Assert.Equal(code, await gateway.ReceiveCloseAsync());
        Assert.Equal(code, emulator.Connections.Single().ServerCloseCode);
    }

    [Fact]
    public async Task An_enabled_privileged_intent_is_accepted()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast with { EnabledPrivilegedIntents = 1 << 1 });

        var (gateway, ready) = await RawGateway.IdentifiedAsync(emulator, intents: 129 | (1 << 1));

        Assert.Equal("READY", ready["t"]!.GetValue<string>());
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_payload_before_identify_closes_with_4003()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(3, new JsonObject { ["status"] = "online", ["since"] = null, ["activities"] = new JsonArray(), ["afk"] = false });

        Assert.Equal(4003, await gateway.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("v=9&encoding=json", 4012)]
    [InlineData("v=10&encoding=etf", 4002)]
    public async Task A_wrong_version_or_encoding_is_refused(string query, int code)
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl, query);

        Assert.Equal(code, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Invalid_json_an_oversized_payload_a_second_identify_and_an_unknown_op_are_closed()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var codes = new List<int?>();
        foreach (var send in new Func<RawGateway, Task>[]
        {
            g => g.SendTextAsync("{not json"),
            g => g.SendAsync(1, new JsonObject { ["padding"] = new string('x', 5000) }),
            async g =>
            {
                await g.SendAsync(2, RawGateway.Identify(emulator.Token));
                await g.SendAsync(2, RawGateway.Identify(emulator.Token));
            },
            async g =>
            {
                await g.SendAsync(2, RawGateway.Identify(emulator.Token));
                await g.SendAsync(42, null);
            },
        })
        {
            await using var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);
            await gateway.ReceiveAsync();
            await send(gateway);
            codes.Add(await gateway.ReceiveCloseAsync());
        }

        Assert.Equal([4002, 4002, 4005, 4001], codes);
    }
}
