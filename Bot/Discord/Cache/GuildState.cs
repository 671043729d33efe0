using CrossCoaching.Storage;

namespace CrossCoaching.Discord.Cache;

/// <summary>
/// <see cref="IGuildState"/>: the gateway cache when it holds the guild (this instance holds its shard, and always on
/// SQLite, where the one process holds every shard), else the record of the instance that does, trusted only while that
/// instance's heartbeat says it is alive (<see cref="InstanceHeartbeat.DeadAfter"/>), as for voice presence.
/// Privacy never rests on it: a record that claims a permission the bot lost makes Discord refuse the room, which fails
/// closed as before, and the room's private overwrites are the same whatever the record says.
/// </summary>
public sealed class GuildState(IGuildCache cache, IGuildStateStore store, InstanceIdentity instance, TimeProvider time) : IGuildState
{
    public async Task<IGuildFacts?> GetAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        if (cache.GetGuild(guildId) is { } guild)
            return new CachedFacts(guild, cache.CurrentUser?.Id);
        if (!store.Shared)
            return null;
        return await store.ReadAsync(guildId, instance.Id, time.GetUtcNow() - InstanceHeartbeat.DeadAfter, cancellationToken);
    }

    private sealed class CachedFacts(CachedGuild guild, Snowflake? bot) : IGuildFacts
    {
        public string Name => guild.Name;

        public Snowflake OwnerId => guild.OwnerId;

        public Snowflake? SystemChannelId => guild.SystemChannelId;

        public string PreferredLocale => guild.PreferredLocale;

        public Permissions? BotPermissions(Snowflake? categoryId = null) =>
            bot is { } id ? PermissionCalculator.ForBot(guild, id, categoryId) : null;

        public string? CategoryName(Snowflake categoryId) => guild.Channels.GetValueOrDefault(categoryId)?.Name;

        public IReadOnlyCollection<Snowflake> ChannelsIn(Snowflake categoryId) =>
            [.. guild.Channels.Values.Where(c => c.ParentId == categoryId).Select(c => c.Id)];
    }
}
