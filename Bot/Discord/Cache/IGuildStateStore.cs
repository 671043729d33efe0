namespace CrossCoaching.Discord.Cache;

/// <summary>Where the guilds' recorded state lives (Storage's <c>GuildStateStore</c>, table <c>guild_state</c>).</summary>
public interface IGuildStateStore
{
    /// <summary>Whether there can be other instances to tell (PostgreSQL); on SQLite the one process holds every shard.</summary>
    bool Shared { get; }

    /// <summary>Writes these guilds' state and forgets the removed ones, as one transaction.</summary>
    Task WriteAsync(IReadOnlyCollection<RecordedGuild> guilds, IReadOnlyCollection<Snowflake> removed, string recorder, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The guild's state as another instance recorded it, if that instance was seen alive since <paramref name="liveSince"/>;
    /// null otherwise (nobody follows the guild's changes any more, so the record is no longer the truth).
    /// </summary>
    Task<RecordedGuild?> ReadAsync(Snowflake guildId, string reader, DateTimeOffset liveSince, CancellationToken cancellationToken = default);
}
