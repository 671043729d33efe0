namespace CrossCoaching.Discord.Members;

/// <summary>
/// Where the gateway's answers about members are kept for the other instances sharing the database
/// (<see cref="SharedSightings"/>): one row per guild and user, its latest answer and when it came.
/// </summary>
public interface IMemberSightingStore
{
    /// <summary>Whether other instances may share the database (PostgreSQL); on SQLite one process holds every shard.</summary>
    bool Shared { get; }

    /// <summary>Records the answers as seen at <paramref name="now"/> and forgets every answer seen before <paramref name="staleBefore"/>, as one change.</summary>
    Task RecordAsync(Snowflake guild, IReadOnlyCollection<(Snowflake User, bool Member)> answers, DateTimeOffset now, DateTimeOffset staleBefore,
        CancellationToken cancellationToken = default);

    /// <summary>The answers about these users seen after <paramref name="since"/>; a user with none is left out.</summary>
    Task<IReadOnlyDictionary<Snowflake, bool>> SeenSinceAsync(Snowflake guild, IReadOnlyCollection<Snowflake> users, DateTimeOffset since,
        CancellationToken cancellationToken = default);
}
