using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Sessions;

/// <summary>
/// The rooms the bot is deleting, in the database (<c>room_deletions</c>): the CHANNEL_DELETE that follows reaches
/// whichever instance holds the guild's shard, not necessarily the one that deleted, and must not be taken for a
/// deletion by hand there. A row goes when that event is seen; rows whose event was lost go after <see cref="Forgotten"/>.
/// </summary>
public sealed class RoomDeletions(SqliteConnectionFactory connections, InstanceIdentity instance, TimeProvider time)
{
    public static readonly TimeSpan Forgotten = TimeSpan.FromDays(1);

    /// <summary>Notes that this instance is deleting the room (before it asks Discord).</summary>
    public async Task NoteAsync(Snowflake channelId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var work = await connections.BeginAsync(cancellationToken);
        await work.ExecuteAsync("DELETE FROM room_deletions WHERE started_at < @old", new { old = now - Forgotten });
        await work.ExecuteAsync(
            """
            INSERT INTO room_deletions (channel_id, instance_id, started_at) VALUES (@channelId, @Id, @now)
            ON CONFLICT (channel_id) DO UPDATE SET instance_id = excluded.instance_id, started_at = excluded.started_at
            """, new { channelId, instance.Id, now });
        await work.CommitAsync(cancellationToken);
    }

    /// <summary>Whether the bot deleted (or is deleting) the channel; the row is taken, so only the first asker hears yes.</summary>
    public async Task<bool> TakeAsync(Snowflake channelId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM room_deletions WHERE channel_id = @channelId", new { channelId }) == 1;
    }

    /// <summary>Own deletions whose CHANNEL_DELETE has not been seen yet.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM room_deletions");
    }
}
