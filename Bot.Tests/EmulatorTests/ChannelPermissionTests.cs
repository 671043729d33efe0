using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class ChannelPermissionTests
{
    private static JsonObject Overwrite(string id, int type, Perms allow, Perms deny) =>
        new() { ["id"] = id, ["type"] = type, ["allow"] = allow.ToWire(), ["deny"] = deny.ToWire() };

    [Fact]
    public async Task The_bot_cannot_grant_in_an_overwrite_a_permission_it_does_not_hold()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var alice = emulator.AddUser("alice");
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        emulator.AddMember(guild, alice);
        using var rest = new RawRest(emulator);

        var granting = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject
        {
            ["name"] = "Room",
            ["type"] = 2,
            ["permission_overwrites"] = new JsonArray(Overwrite(alice.Id.ToString(), 1, Perms.ViewChannel | Perms.PrioritySpeaker, Perms.None)),
        });
        var manageRoles = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject
        {
            ["name"] = "Room",
            ["type"] = 2,
            ["permission_overwrites"] = new JsonArray(Overwrite(alice.Id.ToString(), 1, Perms.ManageRoles, Perms.None)),
        });
        emulator.SetBotPermissions(guild, Perms.BotInviteDefault | Perms.PrioritySpeaker | Perms.ManageRoles);
        var heldNow = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject
        {
            ["name"] = "Room",
            ["type"] = 2,
            ["permission_overwrites"] = new JsonArray(Overwrite(alice.Id.ToString(), 1, Perms.ViewChannel | Perms.PrioritySpeaker, Perms.None)),
        });

        Assert.Equal((403, 50013), (granting.Status, granting.Code!.Value));
        Assert.Equal((403, 50013), (manageRoles.Status, manageRoles.Code!.Value));
        Assert.Equal(201, heldNow.Status);
        Assert.Single(emulator.ChannelsCreatedByBot);
    }

    [Fact]
    public async Task Without_MANAGE_CHANNELS_the_bot_can_neither_create_nor_delete()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var hidden = emulator.AddVoiceChannel(guild, "Hidden", overwrites: [EmulatedOverwrite.Member(emulator.BotUserId, deny: Perms.ViewChannel)]);
        var shown = emulator.AddVoiceChannel(guild, "Shown");
        using var rest = new RawRest(emulator);

        var deleteHidden = await rest.DeleteAsync($"/channels/{hidden.Id}");
        var deleteUnknown = await rest.DeleteAsync("/channels/123456789012345678");
        emulator.SetBotPermissions(guild, Perms.ViewChannel | Perms.Connect);
        var create = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject { ["name"] = "Room", ["type"] = 2 });
        var deleteShown = await rest.DeleteAsync($"/channels/{shown.Id}");

        Assert.Equal((403, 50001), (deleteHidden.Status, deleteHidden.Code!.Value));
        Assert.Equal((404, 10003), (deleteUnknown.Status, deleteUnknown.Code!.Value));
        Assert.Equal((403, 50013), (create.Status, create.Code!.Value));
        Assert.Equal((403, 50013), (deleteShown.Status, deleteShown.Code!.Value));
    }

    [Fact]
    public async Task A_private_room_lets_its_member_in_and_keeps_another_out()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var alice = emulator.AddUser("alice");
        var bob = emulator.AddUser("bob");
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        emulator.AddMember(guild, alice);
        emulator.AddMember(guild, bob);
        using var rest = new RawRest(emulator);

        var created = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject
        {
            ["name"] = "Coaching – Alice",
            ["type"] = 2,
            ["user_limit"] = 2,
            ["permission_overwrites"] = new JsonArray(
                Overwrite(guild.Id.ToString(), 0, Perms.None, Perms.ViewChannel),
                Overwrite(alice.Id.ToString(), 1, Perms.ViewChannel | Perms.Connect | Perms.Speak, Perms.None)),
        });
        var room = TestWorld.Id(created.Body!["id"]);

        Assert.Equal(201, created.Status);
        Assert.True(emulator.PermissionsOf(guild, alice, room).HasFlag(Perms.ViewChannel | Perms.Connect));
        Assert.Equal(Perms.None, emulator.PermissionsOf(guild, bob, room) & (Perms.ViewChannel | Perms.Connect | Perms.Speak));
        emulator.JoinVoice(guild, alice, room);
        Assert.Throws<VoiceJoinRefusedException>(() => emulator.JoinVoice(guild, bob, room));
        Assert.Equal([alice.Id], emulator.VoiceMembers(room));
        Assert.Equal("Coaching – Alice", created.Body!["name"]!.GetValue<string>());
        Assert.Equal("1024", created.Body!["permission_overwrites"]![0]!["deny"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_full_room_refuses_a_third_member_and_deleting_it_disconnects_everyone()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { HeartbeatInterval = TimeSpan.FromSeconds(5) });
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var users = Enumerable.Range(0, 3).Select(i => emulator.AddUser($"u{i}")).ToList();
        users.ForEach(u => emulator.AddMember(guild, u));
        var room = emulator.AddVoiceChannel(guild, "Room", userLimit: 2);
        var (gateway, _) = await RawGateway.IdentifiedAsync(emulator);
        await gateway.ReceiveDispatchAsync("GUILD_CREATE");
        using var rest = new RawRest(emulator);

        emulator.JoinVoice(guild, users[0], room);
        emulator.JoinVoice(guild, users[1], room);
        Assert.Throws<VoiceJoinRefusedException>(() => emulator.JoinVoice(guild, users[2], room));
        await rest.DeleteAsync($"/channels/{room.Id}");
        var events = new List<JsonObject>();
        for (var i = 0; i < 5; i++)
            events.Add((await gateway.ReceiveAsync())!);

        Assert.Equal(["VOICE_STATE_UPDATE", "VOICE_STATE_UPDATE", "VOICE_STATE_UPDATE", "VOICE_STATE_UPDATE", "CHANNEL_DELETE"],
            events.Select(e => e["t"]!.GetValue<string>()));
        Assert.All(events.Skip(2).Take(2), e => Assert.Null(e["d"]!["channel_id"]));
        Assert.Empty(emulator.VoiceMembers(room));
        Assert.NotNull(emulator.FindChannel(room)!.DeletedAt);
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_category_holds_at_most_fifty_channels()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var category = emulator.AddCategory(guild, "Rooms");
        for (var i = 0; i < 50; i++)
            emulator.AddVoiceChannel(guild, $"r{i}", parent: category);
        using var rest = new RawRest(emulator);

        var answer = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject { ["name"] = "r50", ["type"] = 2, ["parent_id"] = category.Id.ToString() });

        Assert.Equal((400, 50035), (answer.Status, answer.Code!.Value));
        Assert.Equal("CHANNEL_PARENT_MAX_CHANNELS", answer.Body!["errors"]!["parent_id"]!["_errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_channel_bodies_name_their_fields()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var text = emulator.AddTextChannel(guild, "general");
        using var rest = new RawRest(emulator);

        var answer = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject
        {
            ["name"] = "",
            ["type"] = 2,
            ["user_limit"] = 100,
            ["parent_id"] = text.Id.ToString(),
            ["permission_overwrites"] = new JsonArray(new JsonObject { ["id"] = "42", ["type"] = 0, ["allow"] = "abc" }),
        });

        Assert.Equal((400, 50035), (answer.Status, answer.Code!.Value));
        var errors = answer.Body!["errors"]!.AsObject();
        Assert.Equal(["name", "parent_id", "permission_overwrites", "user_limit"], errors.Select(e => e.Key).Order());
        Assert.NotNull(errors["permission_overwrites"]!["0"]!["allow"]);
        Assert.NotNull(errors["permission_overwrites"]!["0"]!["id"]);
    }

    [Fact]
    public async Task The_permission_algorithm_applies_everyone_then_roles_then_the_member()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var alice = emulator.AddUser("alice");
        var owner = emulator.AddUser("owner");
        var guild = emulator.AddGuild("g", owner);
        var coaches = emulator.AddRole(guild, "coaches", Perms.None);
        emulator.AddMember(guild, alice, coaches);
        var admin = emulator.AddUser("admin");
        emulator.AddMember(guild, admin, emulator.AddRole(guild, "admins", Perms.Administrator));
        var channel = emulator.AddVoiceChannel(guild, "Room", overwrites:
        [
            EmulatedOverwrite.Role(guild.Id, deny: Perms.ViewChannel | Perms.Connect),
            EmulatedOverwrite.Role(coaches, allow: Perms.ViewChannel | Perms.Connect, deny: Perms.Speak),
            EmulatedOverwrite.Member(alice, allow: Perms.Speak),
            EmulatedOverwrite.Member(admin, deny: Perms.ViewChannel),
        ]);

        var permissions = emulator.PermissionsOf(guild, alice, channel);

        Assert.True(permissions.HasFlag(Perms.ViewChannel | Perms.Connect | Perms.Speak));
        Assert.Equal(Perms.All, emulator.PermissionsOf(guild, owner, channel));
        Assert.Equal(Perms.All, emulator.PermissionsOf(guild, admin, channel));
        emulator.SetOverwrites(channel, EmulatedOverwrite.Role(guild.Id, deny: Perms.Connect));
        Assert.Equal(Perms.ViewChannel, emulator.PermissionsOf(guild, alice, channel) & (Perms.ViewChannel | Perms.Speak | Perms.SendMessages));
    }
}
