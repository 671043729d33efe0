using System.Text.Json;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Cache;

namespace CrossCoaching.Tests.Discord.Cache;

public sealed class GuildCacheTests
{
    private static readonly Snowflake Guild = new(1000);
    private static readonly Snowflake Everyone = new(1000);
    private static readonly Snowflake BotsRole = new(1001);
    private static readonly Snowflake Category = new(2000);
    private static readonly Snowflake Room = new(2001);
    private static readonly Snowflake Lobby = new(2002);
    private static readonly Snowflake Bot = new(100);
    private static readonly Snowflake Alice = new(300);
    private static readonly Snowflake Bob = new(301);

    private const string GuildJson = """
        {"id":"1000","name":"Coaching Club","owner_id":"7","preferred_locale":"fr","member_count":3,
         "roles":[{"id":"1000","name":"@everyone","permissions":"1049600","position":0},
                  {"id":"1001","name":"Bots","permissions":"16","position":1}],
         "channels":[{"id":"2000","type":4,"name":"Rooms","permission_overwrites":[]},
                     {"id":"2001","type":2,"parent_id":"2000","name":"Room 1","user_limit":2,
                      "permission_overwrites":[{"id":"1000","type":0,"allow":"0","deny":"1024"},{"id":"100","type":1,"allow":"1024","deny":"0"}]},
                     {"id":"2002","type":2,"name":"Lobby","permission_overwrites":[]}],
         "members":[{"user":{"id":"100","username":"coachbot","bot":true},"roles":["1001"]},{"user":{"id":"300","username":"alice"},"roles":[]}],
         "voice_states":[{"user_id":"300","channel_id":"2001","session_id":"a","mute":false},{"user_id":"301","channel_id":null,"session_id":"b"}]}
        """;

    private readonly DiscordEventQueue _events = new();
    private readonly GuildCache _cache;

    public GuildCacheTests() => _cache = new GuildCache(_events);

    private void Dispatch(string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        _cache.OnDispatchAsync(name, document.RootElement).AsTask().GetAwaiter().GetResult();
    }

    private List<DiscordEvent> Events()
    {
        var events = new List<DiscordEvent>();
        while (_events.TryRead(out var e))
            events.Add(e!);
        return events;
    }

    private CachedGuild Loaded()
    {
        Dispatch("READY", """{"v":10,"user":{"id":"100","username":"coachbot","bot":true},"guilds":[{"id":"1000","unavailable":true}],"session_id":"s","resume_gateway_url":"wss://r","application":{"id":"200"}}""");
        Dispatch("GUILD_CREATE", GuildJson);
        Events();
        return _cache.GetGuild(Guild)!;
    }

    [Fact]
    public void READY_then_GUILD_CREATE_fill_the_cache_and_raise_BotReady_then_GuildAvailable_with_the_voice_states()
    {
        Dispatch("READY", """{"v":10,"user":{"id":"100","username":"coachbot","global_name":"Coach","bot":true},"guilds":[{"id":"1000","unavailable":true}],"session_id":"s","resume_gateway_url":"wss://r","application":{"id":"200","flags":0}}""");
        Assert.True(_cache.IsUnavailable(Guild));
        Dispatch("GUILD_CREATE", GuildJson);

        Assert.Equal(new DiscordUser(Bot, "coachbot", "Coach", true), _cache.CurrentUser);
        Assert.Equal(new Snowflake(200), _cache.ApplicationId);
        var guild = _cache.GetGuild(Guild)!;
        Assert.False(_cache.IsUnavailable(Guild));
        Assert.Equal(("Coaching Club", new Snowflake(7), "fr"), (guild.Name, guild.OwnerId, guild.PreferredLocale));
        Assert.Equal(Permissions.ViewChannel | Permissions.Connect, guild.Roles[Everyone].Permissions);
        Assert.Equal(new Role(BotsRole, "Bots", Permissions.ManageChannels, 1), guild.Roles[BotsRole]);
        var room = guild.Channels[Room];
        Assert.Equal((ChannelType.GuildVoice, (Snowflake?)Guild, (Snowflake?)Category, "Room 1", (int?)2), (room.Type, room.GuildId, room.ParentId, room.Name, room.UserLimit));
        Assert.Equal([new PermissionOverwrite(Everyone, OverwriteType.Role, Permissions.None, Permissions.ViewChannel), new PermissionOverwrite(Bot, OverwriteType.Member, Permissions.ViewChannel, Permissions.None)], room.Overwrites);
        Assert.Equal([BotsRole], guild.BotRoleIds);
        Assert.Equal(new Dictionary<Snowflake, Snowflake> { [Alice] = Room }, guild.VoiceChannelByUser);
        Assert.Single(_cache.Guilds);

        var events = Events();
        Assert.Equal(new BotReady(new DiscordUser(Bot, "coachbot", "Coach", true), new Snowflake(200)), events[0]);
        var available = Assert.IsType<GuildAvailable>(events[1]);
        Assert.Equal(Guild, available.GuildId);
        Assert.Equal([new VoiceState(Alice, Room)], available.VoiceStates);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void A_created_channel_is_cached_and_a_deleted_one_is_removed_and_announced()
    {
        Loaded();

        Dispatch("CHANNEL_CREATE", """{"id":"2003","type":2,"guild_id":"1000","parent_id":"2000","name":"Room 2","user_limit":2,"permission_overwrites":[]}""");
        Assert.Equal("Room 2", _cache.GetGuild(Guild)!.Channels[new Snowflake(2003)].Name);

        Dispatch("CHANNEL_DELETE", """{"id":"2003","type":2,"guild_id":"1000","parent_id":"2000","name":"Room 2","permission_overwrites":[]}""");

        Assert.False(_cache.GetGuild(Guild)!.Channels.ContainsKey(new Snowflake(2003)));
        var deleted = Assert.IsType<ChannelDeleted>(Assert.Single(Events()));
        Assert.Equal((new Snowflake(2003), (Snowflake?)Guild, "Room 2"), (deleted.Channel.Id, deleted.Channel.GuildId, deleted.Channel.Name));
    }

    [Fact]
    public void A_channel_update_replaces_its_overwrites_and_the_bot_permissions_follow()
    {
        Loaded();
        Assert.True(_cache.BotPermissions(Guild, Room).HasFlag(Permissions.ViewChannel));

        Dispatch("CHANNEL_UPDATE", """{"id":"2001","type":2,"guild_id":"1000","name":"Room 1","permission_overwrites":[{"id":"1000","type":0,"allow":"0","deny":"1024"}]}""");

        Assert.Equal(Permissions.None, _cache.BotPermissions(Guild, Room));
        Assert.Empty(Events());
    }

    [Fact]
    public void A_role_update_changes_the_bot_permissions_and_a_deleted_role_is_dropped_from_the_bot()
    {
        Loaded();
        Assert.False(_cache.BotPermissions(Guild).HasFlag(Permissions.MoveMembers));

        Dispatch("GUILD_ROLE_UPDATE", """{"guild_id":"1000","role":{"id":"1001","name":"Bots","permissions":"16777232","position":1}}""");
        Assert.True(_cache.BotPermissions(Guild).HasFlag(Permissions.MoveMembers | Permissions.ManageChannels));

        Dispatch("GUILD_ROLE_CREATE", """{"guild_id":"1000","role":{"id":"1005","name":"Coaches","permissions":"0","position":2}}""");
        Dispatch("GUILD_ROLE_DELETE", """{"guild_id":"1000","role_id":"1001"}""");

        var guild = _cache.GetGuild(Guild)!;
        Assert.Equal([Everyone, new Snowflake(1005)], guild.Roles.Keys.Order());
        Assert.Empty(guild.BotRoleIds);
        Assert.Equal(Permissions.ViewChannel | Permissions.Connect, _cache.BotPermissions(Guild));
    }

    [Fact]
    public void Only_the_bot_member_update_changes_the_bot_roles()
    {
        Loaded();

        Dispatch("GUILD_MEMBER_UPDATE", """{"guild_id":"1000","user":{"id":"300","username":"alice"},"roles":["1001"]}""");
        Assert.Equal([BotsRole], _cache.GetGuild(Guild)!.BotRoleIds);

        Dispatch("GUILD_MEMBER_UPDATE", """{"guild_id":"1000","user":{"id":"100","username":"coachbot","bot":true},"roles":[]}""");
        Assert.Empty(_cache.GetGuild(Guild)!.BotRoleIds);
        Assert.False(_cache.BotPermissions(Guild).HasFlag(Permissions.ManageChannels));
    }

    [Fact]
    public void Voice_joins_moves_and_leaves_are_announced_with_the_previous_channel()
    {
        Loaded();

        Dispatch("VOICE_STATE_UPDATE", """{"guild_id":"1000","channel_id":"2002","user_id":"301","session_id":"b"}""");
        Assert.Equal([Alice], _cache.UsersInVoiceChannel(Guild, Room));
        Assert.Equal([Bob], _cache.UsersInVoiceChannel(Guild, Lobby));
        Dispatch("VOICE_STATE_UPDATE", """{"guild_id":"1000","channel_id":"2001","user_id":"301","session_id":"b"}""");
        Assert.Equal([Alice, Bob], _cache.UsersInVoiceChannel(Guild, Room));
        Dispatch("VOICE_STATE_UPDATE", """{"guild_id":"1000","channel_id":"2001","user_id":"301","session_id":"b","self_mute":true}""");
        Dispatch("VOICE_STATE_UPDATE", """{"guild_id":"1000","channel_id":null,"user_id":"300","session_id":"a"}""");

        Assert.Equal([Bob], _cache.UsersInVoiceChannel(Guild, Room));
        Assert.Equal(
            [
                new VoiceStateChanged(Guild, Bob, Lobby, null),
                new VoiceStateChanged(Guild, Bob, Room, Lobby),
                new VoiceStateChanged(Guild, Alice, null, Room),
            ],
            Events());
    }

    [Fact]
    public void A_guild_in_an_outage_stays_readable_but_unavailable_until_it_comes_back()
    {
        Loaded();

        Dispatch("GUILD_DELETE", """{"id":"1000","unavailable":true}""");
        Assert.True(_cache.IsUnavailable(Guild));
        Assert.NotNull(_cache.GetGuild(Guild));
        Assert.Equal([new GuildRemoved(Guild, Unavailable: true)], Events());

        Dispatch("GUILD_CREATE", GuildJson);
        Assert.False(_cache.IsUnavailable(Guild));
        Assert.IsType<GuildAvailable>(Assert.Single(Events()));
    }

    [Fact]
    public void A_guild_the_bot_left_is_removed_and_announced()
    {
        Loaded();

        Dispatch("GUILD_DELETE", """{"id":"1000"}""");

        Assert.Null(_cache.GetGuild(Guild));
        Assert.Empty(_cache.Guilds);
        Assert.Equal(Permissions.None, _cache.BotPermissions(Guild));
        Assert.Equal([new GuildRemoved(Guild, Unavailable: false)], Events());
    }

    [Fact]
    public void A_guild_update_changes_the_name_owner_and_locale_and_keeps_the_channels()
    {
        Loaded();

        Dispatch("GUILD_UPDATE", """{"id":"1000","name":"Club","owner_id":"100","preferred_locale":"en-US","roles":[{"id":"1000","name":"@everyone","permissions":"0","position":0}]}""");

        var guild = _cache.GetGuild(Guild)!;
        Assert.Equal(("Club", Bot, "en-US"), (guild.Name, guild.OwnerId, guild.PreferredLocale));
        Assert.Equal(3, guild.Channels.Count);
        Assert.Equal(Permissions.All, _cache.BotPermissions(Guild, Room));
    }

    [Fact]
    public void A_snapshot_already_read_never_changes()
    {
        var before = Loaded();

        Dispatch("CHANNEL_DELETE", """{"id":"2001","type":2,"guild_id":"1000","permission_overwrites":[]}""");
        Dispatch("VOICE_STATE_UPDATE", """{"guild_id":"1000","channel_id":null,"user_id":"300","session_id":"a"}""");
        Dispatch("GUILD_ROLE_DELETE", """{"guild_id":"1000","role_id":"1001"}""");

        Assert.True(before.Channels.ContainsKey(Room));
        Assert.Equal(Room, before.VoiceChannelByUser[Alice]);
        Assert.Equal([BotsRole], before.BotRoleIds);
        Assert.NotSame(before, _cache.GetGuild(Guild));
    }

    [Fact]
    public void A_new_session_drops_the_guilds_it_no_longer_lists_and_RESUMED_raises_nothing()
    {
        Loaded();

        Dispatch("RESUMED", "{}");
        Assert.Empty(Events());
        Dispatch("READY", """{"v":10,"user":{"id":"100","username":"coachbot","bot":true},"guilds":[],"session_id":"s2","resume_gateway_url":"wss://r","application":{"id":"200"}}""");

        Assert.Null(_cache.GetGuild(Guild));
        Assert.Equal([new BotReady(new DiscordUser(Bot, "coachbot", null, true), new Snowflake(200)), new GuildRemoved(Guild, false)], Events());
    }

    [Fact]
    public void Events_for_unknown_guilds_and_channels_change_nothing()
    {
        Loaded();

        Dispatch("CHANNEL_CREATE", """{"id":"9","type":2,"guild_id":"55","permission_overwrites":[]}""");
        Dispatch("CHANNEL_CREATE", """{"id":"10","type":1}""");
        Dispatch("GUILD_ROLE_UPDATE", """{"guild_id":"55","role":{"id":"56","permissions":"8","position":1}}""");
        Dispatch("MESSAGE_CREATE", """{"id":"1"}""");

        Assert.Single(_cache.Guilds);
        Assert.Equal(Permissions.None, _cache.BotPermissions(new Snowflake(55)));
        Assert.Equal(Permissions.None, _cache.BotPermissions(Guild, new Snowflake(9)));
        Assert.Empty(_cache.UsersInVoiceChannel(new Snowflake(55), Room));
    }
}
