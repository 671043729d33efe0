using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Pool;

/// <summary>When each guild's scheduled matching last ran: the schedule lives in the database, not in a timer.</summary>
public sealed class PoolRunRepository(SqliteConnectionFactory connections)
{
    /// <summary>
    /// Claims the run of this period: true (and the run recorded at <paramref name="now"/>) when the last one is at
    /// least <paramref name="cadence"/> old or there was none. A second pass in the same period, or after a restart,
    /// finds it claimed and does nothing.
    /// </summary>
    public async Task<bool> TryClaimAsync(Snowflake guildId, DateTimeOffset now, TimeSpan cadence, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            INSERT INTO pool_runs (guild_id, last_run_at) VALUES (@guildId, @now)
            ON CONFLICT (guild_id) DO UPDATE SET last_run_at = excluded.last_run_at WHERE pool_runs.last_run_at <= @due
            """,
            new { guildId, now, due = now - cadence }) > 0;
    }
}
