using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

/// <summary>Request Guild Members (op 8) and its GUILD_MEMBERS_CHUNK answers, under Discord's rules.</summary>
public sealed class MemberRequestTests
{
    private static readonly EmulatorOptions Fast = new() { HeartbeatInterval = TimeSpan.FromSeconds(5), IdentifyInterval = TimeSpan.Zero };

    private static JsonArray Ids(params IEnumerable<object> ids) => new([.. ids.Select(i => (JsonNode?)i.ToString())]);

    [Fact]
    public async Task Asked_user_ids_come_back_as_members_or_not_found_with_the_nonce()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var guild = emulator.AddGuild("Coaching", emulator.AddUser("owner"));
        var alice = emulator.AddUser("alice");
        var bob = emulator.AddUser("bob");
        emulator.AddMember(guild, alice);
        emulator.AddMember(guild, bob);
        emulator.RemoveMember(guild, bob);
        var (gateway, _) = await RawGateway.IdentifiedAsync(emulator);

        await gateway.SendAsync(8, new JsonObject { ["guild_id"] = guild.Id.ToString(), ["user_ids"] = Ids(alice.Id, bob.Id), ["nonce"] = "check-1" });
        var chunk = (await gateway.ReceiveDispatchAsync("GUILD_MEMBERS_CHUNK"))["d"]!;

        Assert.Equal(alice.Id.ToString(), Assert.Single(chunk["members"]!.AsArray())!["user"]!["id"]!.GetValue<string>());
        Assert.Equal([bob.Id.ToString()], chunk["not_found"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("check-1", chunk["nonce"]!.GetValue<string>());
        Assert.Equal((0, 1), (chunk["chunk_index"]!.GetValue<int>(), chunk["chunk_count"]!.GetValue<int>()));
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task More_than_100_user_ids_close_the_connection_and_a_long_nonce_is_ignored()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var guild = emulator.AddGuild("Coaching", emulator.AddUser("owner"));
        var alice = emulator.AddUser("alice");
        emulator.AddMember(guild, alice);
        var (gateway, _) = await RawGateway.IdentifiedAsync(emulator);

        await gateway.SendAsync(8, new JsonObject { ["guild_id"] = guild.Id.ToString(), ["user_ids"] = Ids(alice.Id), ["nonce"] = new string('n', 33) });
        var chunk = (await gateway.ReceiveDispatchAsync("GUILD_MEMBERS_CHUNK"))["d"]!.AsObject();
        await gateway.SendAsync(8, new JsonObject { ["guild_id"] = guild.Id.ToString(), ["user_ids"] = Ids(Enumerable.Range(1, 101).Select(i => (object)(1000 + i))) });

        Assert.False(chunk.ContainsKey("nonce"));
        Assert.Equal(4001, await gateway.ReceiveCloseAsync());
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task The_whole_member_list_needs_the_members_intent_and_is_allowed_once_per_30_seconds()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast with { EnabledPrivilegedIntents = Intents.GuildMembers });
        var guild = emulator.AddGuild("Coaching", emulator.AddUser("owner"));
        var everyone = new JsonObject { ["guild_id"] = guild.Id.ToString(), ["query"] = "", ["limit"] = 0 };
        var (plain, _) = await RawGateway.IdentifiedAsync(emulator);
        var (privileged, _) = await RawGateway.IdentifiedAsync(emulator, intents: 129 | Intents.GuildMembers);

        await plain.SendAsync(8, everyone.DeepClone());
        await emulator.WaitUntilAsync(e => e.MemberRequests.Count == 1);
        await privileged.SendAsync(8, everyone.DeepClone());
        await privileged.ReceiveDispatchAsync("GUILD_MEMBERS_CHUNK");
        await privileged.SendAsync(8, everyone.DeepClone());
        var limited = (await privileged.ReceiveDispatchAsync("RATE_LIMITED"))["d"]!;

        Assert.Equal(8, limited["opcode"]!.GetValue<int>());
        Assert.InRange(limited["retry_after"]!.GetValue<double>(), 1, 30);
        Assert.Equal(["unanswered: everyone without GUILD_MEMBERS", "answered", "rate limited"], emulator.MemberRequests.Select(r => r.Outcome.Split(' ')[0] == "answered" ? "answered" : r.Outcome));
        await plain.DisposeAsync();
        await privileged.DisposeAsync();
    }
}
