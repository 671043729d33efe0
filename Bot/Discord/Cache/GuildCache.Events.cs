using CrossCoaching.Discord.Gateway;
using CrossCoaching.Discord.Wire;

namespace CrossCoaching.Discord.Cache;

/// <summary>Each dispatch the cache follows: the state change first, then the event for the features.</summary>
public sealed partial class GuildCache
{
    private void OnReady(GatewayReady ready)
    {
        var user = GatewayMapping.ToUser(ready.User);
        Volatile.Write(ref _identity, new Identity(user, ready.Application.Id));
        events.Publish(new BotReady(user, ready.Application.Id));

        // A new session lists every guild of its shard: one that is cached but no longer listed was left while the bot
        // was away. Listed guilds are unavailable until their GUILD_CREATE arrives.
        var listed = (ready.Guilds ?? []).Select(g => g.Id).ToHashSet();
        var shard = ready.Shard is [var id, var count] ? new GatewayShard(id, count) : null;
        foreach (var gone in _guilds.Keys.Where(g => !listed.Contains(g) && (shard is null || shard.Owns(g))).ToList())
        {
            Remove(gone);
            SetUnavailable(gone, false);
            events.Publish(new GuildRemoved(gone, Unavailable: false));
        }

        foreach (var guildId in listed)
            SetUnavailable(guildId, true);
        _loading = listed.Count > 0 ? new Loading(listed, System.Diagnostics.Stopwatch.GetTimestamp()) : null;
        events.Publish(new GuildsListed(listed, shard?.Id, shard?.Count));
    }

    private void OnGuildCreate(GatewayGuild guild)
    {
        if (guild.Unavailable == true)
        {
            SetUnavailable(guild.Id, true);
            return;
        }

        // READY marks every guild it lists unavailable, and so does an outage: one that is neither, and not cached, is new.
        var joined = !IsUnavailable(guild.Id) && !_guilds.ContainsKey(guild.Id);
        Volatile.Write(ref _guilds, _guilds.SetItem(guild.Id, GuildSnapshots.FromGuildCreate(guild, CurrentUser?.Id)));
        SetUnavailable(guild.Id, false);
        changes?.Mark(guild.Id);
        events.Publish(new GuildAvailable(guild.Id, GuildSnapshots.VoiceStatesOf(guild), joined));
        if (_loading is { } loading && loading.Waiting.Remove(guild.Id) && loading.Waiting.Count == 0)
        {
            _loading = null;
            events.Publish(new GuildsLoaded(loading.Count, loading.ReadyTimestamp, System.Diagnostics.Stopwatch.GetElapsedTime(loading.ReadyTimestamp)));
        }
    }

    private void OnGuildUpdate(GatewayGuild update) => Changed(Update(update.Id, g => GuildSnapshots.WithGuildUpdate(g, update)));

    /// <summary>What steps read of the guild may have changed: it is recorded again for the other instances.</summary>
    private void Changed(CachedGuild? guild)
    {
        if (guild is not null)
            changes?.Mark(guild.Id);
    }

    private void OnGuildDelete(GatewayGuildDelete delete)
    {
        var outage = delete.Unavailable == true;
        if (!outage)
            Remove(delete.Id);
        SetUnavailable(delete.Id, outage);
        if (!outage)
            changes?.Mark(delete.Id, removed: true);
        events.Publish(new GuildRemoved(delete.Id, outage));
    }

    private void OnRole(GatewayRoleEvent change) => Changed(Update(change.GuildId, g => GuildSnapshots.WithRole(g, GatewayMapping.ToRole(change.Role))));

    private void OnRoleDelete(GatewayRoleDelete delete) => Changed(Update(delete.GuildId, g => GuildSnapshots.WithoutRole(g, delete.RoleId)));

    private void OnChannel(GatewayChannel channel)
    {
        if (channel.GuildId is { } guildId)
            Changed(Update(guildId, g => GuildSnapshots.WithChannel(g, GatewayMapping.ToChannel(channel))));
    }

    private void OnChannelDelete(GatewayChannel channel)
    {
        if (channel.GuildId is not { } guildId)
            return;
        Changed(Update(guildId, g => GuildSnapshots.WithoutChannel(g, channel.Id)));
        events.Publish(new ChannelDeleted(GatewayMapping.ToChannel(channel)));
    }

    /// <summary>Only the bot's own member matters: its roles decide its permissions.</summary>
    private void OnMemberUpdate(GatewayMember member)
    {
        if (member.GuildId is { } guildId && member.User?.Id is { } userId && userId == CurrentUser?.Id)
            Changed(Update(guildId, g => GuildSnapshots.WithBotRoles(g, member.Roles ?? [])));
    }

    private void OnVoiceState(GatewayVoiceState state)
    {
        if (state.GuildId is not { } guildId)
            return;
        Snowflake? previous = GetGuild(guildId)?.VoiceChannelByUser.TryGetValue(state.UserId, out var before) == true ? before : null;
        Update(guildId, g => GuildSnapshots.WithVoiceState(g, state.UserId, state.ChannelId));
        // Mute, deafen and stream changes repeat the same channel: features only hear of joins, moves and leaves.
        if (previous != state.ChannelId)
            events.Publish(new VoiceStateChanged(guildId, state.UserId, state.ChannelId, previous));
    }
}
