using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class GatewayEventTests
{
    private static readonly EmulatorOptions Fast = new() { HeartbeatInterval = TimeSpan.FromSeconds(5), IdentifyInterval = TimeSpan.Zero };

    [Fact]
    public async Task World_changes_while_connected_are_dispatched_and_voice_needs_its_intent()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var alice = emulator.AddUser("alice");
        var (withVoice, _) = await RawGateway.IdentifiedAsync(emulator, intents: 1 | (1 << 7));
        var (guildsOnly, _) = await RawGateway.IdentifiedAsync(emulator, intents: 1);

        var guild = emulator.AddGuild("New", emulator.AddUser("owner"));
        emulator.AddMember(guild, alice);
        var room = emulator.AddVoiceChannel(guild, "Room");
        emulator.SetBotPermissions(guild, Perms.BotInviteDefault | Perms.AttachFiles);
        emulator.JoinVoice(guild, alice, room);
        emulator.Dispatch("END", new JsonObject());
        var voiceEvents = new List<string>();
        var plainEvents = new List<string>();
        foreach (var (gateway, events) in new[] { (withVoice, voiceEvents), (guildsOnly, plainEvents) })
        {
            while (events.LastOrDefault() != "END")
                events.Add((await gateway.ReceiveAsync())!["t"]!.GetValue<string>());
        }

        Assert.Equal(["GUILD_CREATE", "CHANNEL_CREATE", "GUILD_ROLE_UPDATE", "VOICE_STATE_UPDATE", "END"], voiceEvents);
        Assert.Equal(["GUILD_CREATE", "CHANNEL_CREATE", "GUILD_ROLE_UPDATE", "END"], plainEvents);
        await withVoice.DisposeAsync();
        await guildsOnly.DisposeAsync();
    }

    [Fact]
    public async Task Guild_events_go_to_the_shard_that_owns_the_guild()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var owner = emulator.AddUser("owner");
        var even = emulator.AddGuild("even", owner, id: new CrossCoaching.Discord.Snowflake(2UL << 22));
        var odd = emulator.AddGuild("odd", owner, id: new CrossCoaching.Discord.Snowflake(3UL << 22));
        async Task<(RawGateway, JsonObject)> ShardAsync(int id)
        {
            var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);
            await gateway.ReceiveAsync();
            var identify = RawGateway.Identify(emulator.Token);
            identify["shard"] = new JsonArray(id, 2);
            await gateway.SendAsync(2, identify);
            return (gateway, await gateway.ReceiveDispatchAsync("READY"));
        }

        var (shard0, ready0) = await ShardAsync(0);
        var (shard1, ready1) = await ShardAsync(1);

        Assert.Equal(even.Id.ToString(), ready0["d"]!["guilds"]!.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Equal(odd.Id.ToString(), ready1["d"]!["guilds"]!.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Equal("[1,2]", ready1["d"]!["shard"]!.ToJsonString());
        await shard0.DisposeAsync();
        await shard1.DisposeAsync();
    }

    [Fact]
    public async Task A_bad_shard_closes_with_4010_and_too_many_payloads_with_4008()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast with { GatewayPayloadLimit = 3 });
        await using var badShard = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await badShard.ReceiveAsync();
        var identify = RawGateway.Identify(emulator.Token);
        identify["shard"] = new JsonArray(2, 2);
        await badShard.SendAsync(2, identify);
        await using var chatty = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        await chatty.ReceiveAsync();

        for (var i = 0; i < 4; i++)
            await chatty.SendAsync(1, null);

        Assert.Equal(4010, await badShard.ReceiveCloseAsync());
        Assert.Equal(4008, await chatty.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_session_cannot_be_resumed_after_the_resume_window()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await DiscordEmulator.StartAsync(Fast with { Time = clock });
        var (gateway, ready) = await RawGateway.IdentifiedAsync(emulator);
        emulator.DropConnection();
        await emulator.WaitForCloseAsync(1);

        clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1));
        await using var again = await RawGateway.ConnectAsync(emulator.ResumeGatewayUrl);
        await again.ReceiveAsync();
        await again.SendAsync(6, RawGateway.Resume(emulator.Token, ready["d"]!["session_id"]!.GetValue<string>(), 1));

        Assert.Equal(9, (await again.ReceiveAsync())!["op"]!.GetValue<int>());
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task Invalidating_a_session_lets_the_client_identify_again_on_the_same_socket()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var (gateway, _) = await RawGateway.IdentifiedAsync(emulator);

        emulator.InvalidateSession(resumable: false);
        var invalid = await gateway.ReceiveUntilAsync(p => p["op"]!.GetValue<int>() == 9);
        await gateway.SendAsync(2, RawGateway.Identify(emulator.Token));
        await gateway.ReceiveDispatchAsync("READY");

        Assert.False(invalid["d"]!.GetValue<bool>());
        Assert.Equal(2, emulator.Readies.Count);
        Assert.NotEqual(emulator.Readies[0].SessionId, emulator.Readies[1].SessionId);
        await gateway.DisposeAsync();
    }
}
