using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Guilds;

/// <summary>The servers the bot was removed from, and the deletion of a server's data once its retention has passed.</summary>
public sealed class GuildRemovalRepository(SqliteConnectionFactory connections)
{
    /// <returns>False when the removal was already recorded (its first date is kept: the retention counts from it).</returns>
    public async Task<bool> MarkRemovedAsync(Snowflake guildId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "INSERT INTO guild_removals (guild_id, removed_at) VALUES (@guildId, @at) ON CONFLICT (guild_id) DO NOTHING",
            new { guildId, at }) == 1;
    }

    public async Task<bool> IsRemovedAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM guild_removals WHERE guild_id = @guildId", new { guildId }) > 0;
    }

    /// <summary>The servers the bot still works for: those with an active pair, not already recorded as removed.</summary>
    public async Task<IReadOnlyList<Snowflake>> ListGuildsWithActivePairsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<Snowflake>(
            "SELECT DISTINCT guild_id FROM pairs WHERE status = 'active' AND guild_id NOT IN (SELECT guild_id FROM guild_removals)")];
    }

    /// <summary>When the removal was first recorded, or null when the bot is not removed from the server.</summary>
    public async Task<DateTimeOffset?> RemovedAtAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<DateTimeOffset?>("SELECT removed_at FROM guild_removals WHERE guild_id = @guildId", new { guildId });
    }

    /// <returns>True when the server had been removed and is now restored.</returns>
    public async Task<bool> RestoreAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM guild_removals WHERE guild_id = @guildId", new { guildId }) > 0;
    }

    public async Task<IReadOnlyList<Snowflake>> ListRemovedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<Snowflake>("SELECT guild_id FROM guild_removals WHERE removed_at <= @cutoff", new { cutoff })];
    }

    /// <summary>The server's overflow categories cannot be emptied or deleted any more: forgetting them stops the attempts.</summary>
    public async Task ForgetOverflowCategoriesAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM overflow_categories WHERE guild_id = @guildId", new { guildId });
    }

    /// <summary>
    /// Deletes everything the bot keeps about the server, in one transaction: pairs (their members, rituals, sessions
    /// and everything hanging off a session go with them by cascade), invitations, settings, overflow categories, the
    /// matching pool, and the removal itself.
    /// </summary>
    public async Task PurgeAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        foreach (var table in new[]
        {
            "pairs", "invitations", "guild_settings", "overflow_categories", "pool_entries", "pool_blocks", "pool_proposals", "pool_declines", "pool_runs",
            "guild_removals",
        })
            await connection.ExecuteAsync($"DELETE FROM {table} WHERE guild_id = @guildId", new { guildId }, transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
