using CrossCoaching.Discord;
using CrossCoaching.Pool.Matching;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Pool;

/// <summary>Reads what keeps members of one guild's pool apart, for the matcher.</summary>
public sealed class PoolExclusionRepository(SqliteConnectionFactory connections)
{
    public async Task<PoolExclusions> LoadAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var exclusions = new PoolExclusions();
        foreach (var (blocker, blocked) in await connection.QueryAsync<(long, long)>(
            "SELECT blocker_id, blocked_id FROM pool_blocks WHERE guild_id = @guildId", new { guildId }))
            exclusions.Block((ulong)blocker, (ulong)blocked);
        foreach (var (decliner, other) in await connection.QueryAsync<(long, long)>(
            "SELECT decliner_id, other_id FROM pool_declines WHERE guild_id = @guildId", new { guildId }))
            exclusions.Declined((ulong)decliner, (ulong)other);
        // Every pair ever formed here counts as former partners, ended or not: the current ones are excluded anyway.
        foreach (var (a, b) in await connection.QueryAsync<(long, long)>(
            "SELECT member_a_id, member_b_id FROM pairs WHERE guild_id = @guildId", new { guildId }))
            exclusions.FormerPartners((ulong)a, (ulong)b);
        foreach (var user in await connection.QueryAsync<long>("SELECT user_id FROM pair_members WHERE guild_id = @guildId", new { guildId }))
            exclusions.Paired((ulong)user);
        return exclusions;
    }
}
