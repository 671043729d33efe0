using CrossCoaching.Discord.Gateway;
using Dapper;

namespace CrossCoaching.Storage;

/// <summary>
/// Shard leases and IDENTIFY turns in the database (tables of migration <c>shard_leases</c>). Each change is a single
/// conditional statement: on PostgreSQL a second writer waits for the row and re-checks the condition, so of two
/// instances racing for one lease or bucket exactly one wins. Instants are the fixed-width UTC text, compared as text.
/// </summary>
public sealed class ShardLeaseStore(SqliteConnectionFactory connections) : IShardLeaseStore
{
    /// <summary>Where a free lease's expiry points: long past.</summary>
    private static readonly DateTimeOffset Never = DateTimeOffset.UnixEpoch;

    public bool Shared => connections.Provider == StorageProvider.Postgres;

    public async Task<int> CheckInAsync(string owner, DateTimeOffset now, DateTimeOffset liveSince, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO shard_members (owner, seen_at) VALUES (@owner, @now)
            ON CONFLICT (owner) DO UPDATE SET seen_at = excluded.seen_at
            """, new { owner, now });
        // An instance not seen for a whole lease is dead (or cut off): it no longer counts, and its row goes.
        await connection.ExecuteAsync("DELETE FROM shard_members WHERE seen_at <= @liveSince", new { liveSince });
        return (int)await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM shard_members");
    }

    public async Task<bool> RenewAsync(int shardId, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE shard_leases SET expires_at = @expiresAt WHERE shard_id = @shardId AND owner = @owner AND expires_at > @now",
            new { shardId = (long)shardId, owner, now, expiresAt }) == 1;
    }

    public async Task<IReadOnlyList<int>> FreeAsync(int shardCount, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        for (var id = 0; id < shardCount; id++)
            await connection.ExecuteAsync(
                """
                INSERT INTO shard_leases (shard_id, shard_count, owner, expires_at) VALUES (@id, @shardCount, '', @never)
                ON CONFLICT (shard_id) DO NOTHING
                """, new { id = (long)id, shardCount = (long)shardCount, never = Never });
        var free = await connection.QueryAsync<long>(
            "SELECT shard_id FROM shard_leases WHERE shard_id < @shardCount AND (owner = '' OR expires_at <= @now) ORDER BY shard_id",
            new { shardCount = (long)shardCount, now });
        return [.. free.Select(id => (int)id)];
    }

    public async Task<bool> TryTakeAsync(int shardId, int shardCount, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE shard_leases SET owner = @owner, shard_count = @shardCount, expires_at = @expiresAt, acquired_at = @now
            WHERE shard_id = @shardId AND (owner = '' OR expires_at <= @now)
            """, new { shardId = (long)shardId, shardCount = (long)shardCount, owner, now, expiresAt }) == 1;
    }

    public async Task ReleaseAsync(int shardId, string owner, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE shard_leases SET owner = '', expires_at = @never WHERE shard_id = @shardId AND owner = @owner",
            new { shardId = (long)shardId, owner, never = Never });
    }

    public async Task LeaveAsync(string owner, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE shard_leases SET owner = '', expires_at = @never WHERE owner = @owner", new { owner, never = Never });
        await connection.ExecuteAsync("DELETE FROM shard_members WHERE owner = @owner", new { owner });
    }

    public async Task<DateTimeOffset?> TryClaimIdentifyAsync(int bucket, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var claimed = await connection.QueryAsync<long>(
            """
            INSERT INTO identify_buckets (bucket, owner, busy_until) VALUES (@bucket, @owner, @until)
            ON CONFLICT (bucket) DO UPDATE SET owner = excluded.owner, busy_until = excluded.busy_until
            WHERE identify_buckets.busy_until <= @now
            RETURNING bucket
            """, new { bucket = (long)bucket, owner, now, until });
        if (claimed.Any())
            return null;
        var busy = await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(
            "SELECT busy_until FROM identify_buckets WHERE bucket = @bucket", new { bucket = (long)bucket });
        // The claim ended between the two statements: try again shortly rather than at once.
        return busy is { } end && end > now ? end : now + TimeSpan.FromMilliseconds(100);
    }
}
