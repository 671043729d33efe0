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
    public async Task A_member_overwrite_for_someone_who_left_the_guild_is_accepted_as_Discord_does()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var alice = emulator.AddUser("alice");
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        emulator.AddMember(guild, alice);
        emulator.RemoveMember(guild, alice);
        using var rest = new RawRest(emulator);

        var created = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject
        {
            ["name"] = "Room",
            ["type"] = 2,
            ["permission_overwrites"] = new JsonArray(Overwrite(alice.Id.ToString(), 1, Perms.ViewChannel | Perms.Connect, Perms.None)),
        });
        var member = await rest.GetAsync($"/guilds/{guild.Id}/members/{alice.Id}");

        Assert.Equal(201, created.Status);
        Assert.Equal(alice.Id.ToString(), created.Body!["permission_overwrites"]![0]!["id"]!.GetValue<string>());
        Assert.Equal((404, 10007), (member.Status, member.Code!.Value));
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
    public async Task The_permission_algorithm_applies_everyone_then_roles_then_the_member()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var alice = emulator.AddUser("alice");
        var owner = emulator.AddUser("owner");
        var guild = emulator.AddGuild("g", owner);
        var coaches = emulator.AddRole(guild, "coaches", Perms.None);
        emulator.AddMember(guild, alice, coaches);
        var carol = emulator.AddUser("carol");
        emulator.AddMember(guild, carol, coaches);
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
        Assert.Equal(Perms.ViewChannel | Perms.Connect, emulator.PermissionsOf(guild, carol, channel) & (Perms.ViewChannel | Perms.Connect | Perms.Speak));
        Assert.Equal(Perms.All, emulator.PermissionsOf(guild, owner, channel));
        Assert.Equal(Perms.All, emulator.PermissionsOf(guild, admin, channel));
        emulator.SetOverwrites(channel, EmulatedOverwrite.Role(guild.Id, deny: Perms.Connect));
        Assert.Equal(Perms.ViewChannel, emulator.PermissionsOf(guild, alice, channel) & (Perms.ViewChannel | Perms.Speak | Perms.SendMessages));
    }
}
