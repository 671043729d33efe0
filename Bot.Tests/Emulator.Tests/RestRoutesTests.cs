using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class RestRoutesTests
{
    [Fact]
    public async Task The_bot_edits_its_own_messages_only()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);
        var sent = await rest.PostAsync($"/channels/{world.Text.Id}/messages", new JsonObject { ["content"] = "v1" });
        var id = sent.Body!["id"]!.GetValue<string>();

        var edited = await rest.PatchAsync($"/channels/{world.Text.Id}/messages/{id}", new JsonObject { ["content"] = "v2" });
        var unknown = await rest.PatchAsync($"/channels/{world.Text.Id}/messages/123456789012345678", new JsonObject { ["content"] = "v3" });

        Assert.Equal(200, edited.Status);
        Assert.NotNull(edited.Body!["edited_timestamp"]);
        var message = emulator.MessagesIn(world.Text).Single();
        Assert.Equal("v2", message.Content);
        Assert.Single(message.Edits);
        Assert.Equal((404, 10008), (unknown.Status, unknown.Code!.Value));
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_member_is_found_or_is_an_unknown_member()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var alice = emulator.AddUser("alice");
        var stranger = emulator.AddUser("stranger");
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var role = emulator.AddRole(guild, "coach", Perms.None);
        emulator.AddMember(guild, alice, role);
        using var rest = new RawRest(emulator);

        var found = await rest.GetAsync($"/guilds/{guild.Id}/members/{alice.Id}");
        var missing = await rest.GetAsync($"/guilds/{guild.Id}/members/{stranger.Id}");
        var notAnId = await rest.GetAsync($"/guilds/{guild.Id}/members/alice");

        Assert.Equal("alice", found.Body!["user"]!["username"]!.GetValue<string>());
        Assert.Equal(role.Id.ToString(), found.Body!["roles"]![0]!.GetValue<string>());
        Assert.Equal((404, 10007), (missing.Status, missing.Code!.Value));
        Assert.Equal((400, 50035), (notAnId.Status, notAnId.Code!.Value));
    }

    [Fact]
    public async Task An_interaction_token_stops_working_after_its_lifetime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Time = clock });
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator, authorized: false);
        var interaction = await emulator.SendCommandAsync(world.Guild, world.Text, world.Alice, "ping");
        await rest.PostAsync($"/interactions/{interaction.Id}/{interaction.Token}/callback", new JsonObject { ["type"] = 5 });

        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var late = await rest.PatchAsync($"/webhooks/{emulator.ApplicationId}/{interaction.Token}/messages/@original", new JsonObject { ["content"] = "late" });

        Assert.Equal((401, 50027), (late.Status, late.Code!.Value));
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task Deleting_a_channel_answers_it_and_records_the_deletion()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        using var rest = new RawRest(emulator);
        var created = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject { ["name"] = "Weekly Sync", ["type"] = 0 }, "Session room");

        var deleted = await rest.DeleteAsync($"/channels/{created.Body!["id"]!.GetValue<string>()}");
        var again = await rest.DeleteAsync($"/channels/{created.Body!["id"]!.GetValue<string>()}");

        Assert.Equal("weekly-sync", created.Body!["name"]!.GetValue<string>());
        Assert.Equal(200, deleted.Status);
        Assert.Equal((404, 10003), (again.Status, again.Code!.Value));
        var channel = emulator.ChannelsCreatedByBot.Single();
        Assert.NotNull(channel.DeletedAt);
        Assert.Equal("Session room", emulator.RequestsTo("POST /guilds/{guild_id}/channels").Single().AuditLogReason);
    }
}
