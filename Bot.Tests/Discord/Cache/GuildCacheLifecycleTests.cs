using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Discord.Cache;

/// <summary>Guilds arriving, changing, going away, and sessions starting.</summary>
public sealed class GuildCacheLifecycleTests : GuildCacheTestBase
{
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
        Assert.Equal(new Role(BotsRole, "", Permissions.ManageChannels, 1), guild.Roles[BotsRole]); // names are not kept: nothing reads them
        var room = guild.Channels[Room];
        Assert.Equal((ChannelType.GuildVoice, (Snowflake?)Guild, (Snowflake?)Category, "Room 1", (int?)2), (room.Type, room.GuildId, room.ParentId, room.Name, room.UserLimit));
        Assert.Equal([new PermissionOverwrite(Everyone, OverwriteType.Role, Permissions.None, Permissions.ViewChannel), new PermissionOverwrite(Bot, OverwriteType.Member, Permissions.ViewChannel, Permissions.None)], room.Overwrites);
        Assert.Equal([BotsRole], guild.BotRoleIds);
        Assert.Equal(new Dictionary<Snowflake, Snowflake> { [Alice] = Room }, guild.VoiceChannelByUser);
        Assert.Single(_cache.Guilds);

        var events = Events();
        Assert.Equal(new BotReady(new DiscordUser(Bot, "coachbot", "Coach", true), new Snowflake(200)), events[0]);
        Assert.Equal([Guild], Assert.IsType<GuildsListed>(events[1]).GuildIds);
        var available = Assert.IsType<GuildAvailable>(events[2]);
        Assert.Equal(Guild, available.GuildId);
        Assert.Equal([new VoiceState(Alice, Room)], available.VoiceStates);
        Assert.Equal(1, Assert.IsType<GuildsLoaded>(events[3]).Count);
        Assert.Equal(4, events.Count);
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
    public void Only_a_guild_READY_did_not_list_and_that_was_not_out_is_announced_as_joined()
    {
        Dispatch("READY", """{"v":10,"user":{"id":"100","username":"coachbot","bot":true},"guilds":[{"id":"1000","unavailable":true}],"session_id":"s","resume_gateway_url":"wss://r","application":{"id":"200"}}""");
        Dispatch("GUILD_CREATE", GuildJson); // listed by READY: the bot was in it already
        Assert.False(Assert.Single(Events().OfType<GuildAvailable>()).Joined);
        Dispatch("GUILD_DELETE", """{"id":"1000","unavailable":true}""");
        Events();
        Dispatch("GUILD_CREATE", GuildJson); // back from an outage: not joined
        Assert.False(Assert.IsType<GuildAvailable>(Assert.Single(Events())).Joined);
        // A new gateway session lists it again: still not joined.
        Dispatch("READY", """{"v":10,"user":{"id":"100","username":"coachbot","bot":true},"guilds":[{"id":"1000","unavailable":true}],"session_id":"t","resume_gateway_url":"wss://r","application":{"id":"200"}}""");
        Dispatch("GUILD_CREATE", GuildJson);
        Assert.DoesNotContain(Events(), e => e is GuildAvailable { Joined: true });

        Dispatch("GUILD_CREATE", GuildJson.Replace("\"1000\"", "\"1500\"", StringComparison.Ordinal)); // a guild the bot was just added to
        Assert.Equal(new Snowflake(1500), Assert.IsType<GuildAvailable>(Assert.Single(Events(), e => e is GuildAvailable { Joined: true })).GuildId);
        Dispatch("GUILD_CREATE", GuildJson.Replace("\"1000\"", "\"1500\"", StringComparison.Ordinal)); // the same GUILD_CREATE again
        Assert.DoesNotContain(Events(), e => e is GuildAvailable { Joined: true });

        // Removed, then added back: joined again (the welcome decides whether to greet it once more).
        Dispatch("GUILD_DELETE", """{"id":"1500"}""");
        Dispatch("GUILD_CREATE", GuildJson.Replace("\"1000\"", "\"1500\"", StringComparison.Ordinal));
        Assert.Contains(Events(), e => e is GuildAvailable { Joined: true });
    }

    [Fact]
    public void A_guild_the_bot_left_is_removed_and_announced()
    {
        Loaded();

        Dispatch("GUILD_DELETE", """{"id":"1000"}""");

        Assert.Null(_cache.GetGuild(Guild));
        Assert.Empty(_cache.Guilds);
        Assert.Null(_cache.BotPermissions(Guild));
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
        var events = Events();
        Assert.Equal([new BotReady(new DiscordUser(Bot, "coachbot", null, true), new Snowflake(200)), new GuildRemoved(Guild, false)], events.Take(2));
        Assert.Empty(Assert.IsType<GuildsListed>(events[2]).GuildIds);
    }

    [Fact]
    public void READY_tells_the_features_which_guilds_the_new_session_lists_and_which_its_shard_covers()
    {
        Dispatch("READY", """{"v":10,"user":{"id":"100","username":"coachbot","bot":true},"guilds":[{"id":"4194304","unavailable":true}],"shard":[1,2],"session_id":"s","resume_gateway_url":"wss://r","application":{"id":"200"}}""");

        var listed = Assert.IsType<GuildsListed>(Events()[^1]);
        Assert.Equal([new Snowflake(4194304)], listed.GuildIds);
        Assert.True(listed.Covers(new Snowflake(4194304)));   // (4194304 >> 22) % 2 == 1
        Assert.False(listed.Covers(new Snowflake(8388608)));  // shard 0's
    }
}
