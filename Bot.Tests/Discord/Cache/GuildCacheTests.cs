using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Discord.Cache;

/// <summary>Channels, roles, the bot member and voice states of a loaded guild.</summary>
public sealed class GuildCacheTests : GuildCacheTestBase
{
    [Fact]
    public void A_created_channel_is_cached_and_a_deleted_one_is_removed_and_announced()
    {
        Loaded();

        Dispatch("CHANNEL_CREATE", """{"id":"2003","type":2,"guild_id":"1000","parent_id":"2000","name":"Room 2","user_limit":2,"permission_overwrites":[{"id":"100","type":1,"allow":"1024","deny":"0"}]}""");
        Assert.Equal("Room 2", _cache.GetGuild(Guild)!.Channels[new Snowflake(2003)].Name);

        Dispatch("CHANNEL_DELETE", """{"id":"2003","type":2,"guild_id":"1000","parent_id":"2000","name":"Room 2","permission_overwrites":[]}""");

        Assert.False(_cache.GetGuild(Guild)!.Channels.ContainsKey(new Snowflake(2003)));
        var deleted = Assert.IsType<ChannelDeleted>(Assert.Single(Events()));
        Assert.Equal((new Snowflake(2003), (Snowflake?)Guild, "Room 2"), (deleted.Channel.Id, deleted.Channel.GuildId, deleted.Channel.Name));
    }

    [Fact]
    public void A_channel_the_bot_did_not_make_is_kept_without_its_name_but_with_its_category_and_overwrites()
    {
        Loaded();

        Dispatch("CHANNEL_CREATE", """{"id":"2004","type":0,"guild_id":"1000","parent_id":"2000","name":"general","permission_overwrites":[{"id":"1000","type":0,"allow":"0","deny":"1024"}]}""");

        var guild = _cache.GetGuild(Guild)!;
        var general = guild.Channels[new Snowflake(2004)];
        Assert.Equal((ChannelType.GuildText, (Snowflake?)new Snowflake(2000), (string?)null), (general.Type, general.ParentId, general.Name));
        Assert.False(_cache.BotPermissions(Guild, new Snowflake(2004))!.Value.HasFlag(Permissions.ViewChannel));
        Assert.Equal(("Rooms", "Room 1"), (guild.Channels[new Snowflake(2000)].Name, guild.Channels[Room].Name));
        Assert.Equal(2, guild.Channels.Values.Count(c => c.ParentId == new Snowflake(2000)));
    }

    [Fact]
    public void A_channel_update_replaces_its_overwrites_and_the_bot_permissions_follow()
    {
        Loaded();
        Assert.True(_cache.BotPermissions(Guild, Room)!.Value.HasFlag(Permissions.ViewChannel));

        Dispatch("CHANNEL_UPDATE", """{"id":"2001","type":2,"guild_id":"1000","name":"Room 1","permission_overwrites":[{"id":"1000","type":0,"allow":"0","deny":"1024"}]}""");

        Assert.Equal(Permissions.None, _cache.BotPermissions(Guild, Room));
        Assert.Empty(Events());
    }

    [Fact]
    public void A_role_update_changes_the_bot_permissions_and_a_deleted_role_is_dropped_from_the_bot()
    {
        Loaded();
        Assert.False(_cache.BotPermissions(Guild)!.Value.HasFlag(Permissions.MoveMembers));

        Dispatch("GUILD_ROLE_UPDATE", """{"guild_id":"1000","role":{"id":"1001","name":"Bots","permissions":"16777232","position":1}}""");
        Assert.True(_cache.BotPermissions(Guild)!.Value.HasFlag(Permissions.MoveMembers | Permissions.ManageChannels));

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
        Assert.False(_cache.BotPermissions(Guild)!.Value.HasFlag(Permissions.ManageChannels));
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
    public void Events_for_unknown_guilds_and_channels_change_nothing()
    {
        Loaded();

        Dispatch("CHANNEL_CREATE", """{"id":"9","type":2,"guild_id":"55","permission_overwrites":[]}""");
        Dispatch("CHANNEL_CREATE", """{"id":"10","type":1}""");
        Dispatch("GUILD_ROLE_UPDATE", """{"guild_id":"55","role":{"id":"56","permissions":"8","position":1}}""");
        Dispatch("MESSAGE_CREATE", """{"id":"1"}""");

        Assert.Single(_cache.Guilds);
        Assert.Null(_cache.BotPermissions(new Snowflake(55))); // unknown, not "none"
        Assert.Null(_cache.BotPermissions(Guild, new Snowflake(9)));
        Assert.Empty(_cache.UsersInVoiceChannel(new Snowflake(55), Room));
    }
}
