using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.EmulatorTests;

/// <summary>The emulator's faults around channel creation: gateway events that arrive late, overwrites that do not stick.</summary>
public sealed class LateEventTests
{
    private static readonly EmulatorOptions Fast = new() { HeartbeatInterval = TimeSpan.FromSeconds(5), IdentifyInterval = TimeSpan.Zero };

    [Fact]
    public async Task A_delayed_CHANNEL_CREATE_arrives_after_the_REST_answer_and_after_later_events_in_its_own_order()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await DiscordEmulator.StartAsync(Fast with { Time = clock });
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var (gateway, _) = await RawGateway.IdentifiedAsync(emulator, intents: 1);
        await gateway.ReceiveDispatchAsync("GUILD_CREATE");
        using var rest = new RawRest(emulator);
        emulator.DelayGatewayEvents(TimeSpan.FromSeconds(3), "CHANNEL_CREATE");

        var first = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject { ["name"] = "one", ["type"] = 4 });
        var second = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject { ["name"] = "two", ["type"] = 4 });
        emulator.Dispatch("MARK", new JsonObject());
        var mark = await gateway.ReceiveAsync();
        var heldBefore = emulator.DelayedGatewayEvents;
        clock.Advance(TimeSpan.FromSeconds(3));
        var created = new[] { await gateway.ReceiveAsync(), await gateway.ReceiveAsync() };

        Assert.Equal((201, 201), (first.Status, second.Status));
        Assert.Equal(("MARK", 2), (mark!["t"]!.GetValue<string>(), heldBefore));
        Assert.All(created, c => Assert.Equal("CHANNEL_CREATE", c!["t"]!.GetValue<string>()));
        Assert.Equal([first.Body!["id"]!.GetValue<string>(), second.Body!["id"]!.GetValue<string>()], created.Select(c => c!["d"]!["id"]!.GetValue<string>()));
        Assert.True(created[0]!["s"]!.GetValue<int>() > mark["s"]!.GetValue<int>());
        Assert.Equal(0, emulator.DelayedGatewayEvents);
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task Overwrites_dropped_on_create_come_back_empty_in_the_answer_and_leave_the_room_open_to_everyone()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var carol = emulator.AddUser("carol");
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        emulator.AddMember(guild, carol);
        using var rest = new RawRest(emulator);
        JsonObject Room() => new()
        {
            ["name"] = "Room",
            ["type"] = 2,
            ["permission_overwrites"] = new JsonArray(new JsonObject { ["id"] = guild.Id.ToString(), ["type"] = 0, ["allow"] = "0", ["deny"] = Perms.ViewChannel.ToWire() }),
        };
        emulator.ScriptOverwritesDroppedOnCreate();

        var dropped = await rest.PostAsync($"/guilds/{guild.Id}/channels", Room());
        var kept = await rest.PostAsync($"/guilds/{guild.Id}/channels", Room());

        Assert.Empty(dropped.Body!["permission_overwrites"]!.AsArray());
        Assert.True(emulator.Can(guild, carol, TestWorld.Id(dropped.Body["id"]), Perms.ViewChannel | Perms.Connect));
        Assert.Single(kept.Body!["permission_overwrites"]!.AsArray());
        Assert.False(emulator.Can(guild, carol, TestWorld.Id(kept.Body["id"]), Perms.ViewChannel));
    }

    [Fact]
    public async Task A_channel_made_in_a_category_without_overwrites_is_synced_with_it_and_one_made_with_overwrites_inherits_nothing()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (carol, dave) = (emulator.AddUser("carol"), emulator.AddUser("dave"));
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var staff = emulator.AddRole(guild, "Staff", Perms.EveryoneDefault);
        emulator.AddMember(guild, carol, staff.Id);
        emulator.AddMember(guild, dave);
        var hidden = emulator.AddCategory(guild, "Hidden",
            EmulatedOverwrite.Role(guild.Id, deny: Perms.ViewChannel), EmulatedOverwrite.Role(staff.Id, allow: Perms.ViewChannel));
        using var rest = new RawRest(emulator);

        var synced = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject { ["name"] = "synced", ["type"] = 2, ["parent_id"] = hidden.Id.ToString() });
        var explicitOnes = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject
        {
            ["name"] = "explicit",
            ["type"] = 2,
            ["parent_id"] = hidden.Id.ToString(),
            ["permission_overwrites"] = new JsonArray(new JsonObject { ["id"] = carol.Id.ToString(), ["type"] = 1, ["allow"] = "0", ["deny"] = Perms.Connect.ToWire() }),
        });
        var (syncedId, explicitId) = (TestWorld.Id(synced.Body!["id"]), TestWorld.Id(explicitOnes.Body!["id"]));

        Assert.Equal(2, synced.Body["permission_overwrites"]!.AsArray().Count);
        Assert.False(emulator.Can(guild, dave, syncedId, Perms.ViewChannel), "the category's @everyone deny is copied");
        Assert.True(emulator.Can(guild, carol, syncedId, Perms.ViewChannel | Perms.Connect), "the role allow beats the @everyone deny");
        Assert.True(emulator.Can(guild, dave, explicitId, Perms.ViewChannel | Perms.Connect), "nothing of the category is inherited");
        Assert.True(emulator.Can(guild, carol, explicitId, Perms.ViewChannel));
        Assert.False(emulator.Can(guild, carol, explicitId, Perms.Connect), "the member's own deny applies last");
        Assert.False(emulator.Can(guild, carol, explicitId, Perms.Speak), "a voice channel without CONNECT leaves only VIEW_CHANNEL");
        Assert.True(emulator.Can(guild, guild.OwnerId, syncedId, Perms.ViewChannel | Perms.ManageChannels), "the owner can do everything");
    }
}
