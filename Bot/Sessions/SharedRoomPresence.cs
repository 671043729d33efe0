using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Sessions;

/// <summary>
/// Who is in a session's room, for an instance that does not hold the guild's shard and so sees none of its voice
/// states: the attendance the shard's instance records as they arrive, the same record the session's outcome is
/// decided from. Trusted only while another instance is alive to record it (its row in <c>instances</c>): with none,
/// nobody is watching the room, and the room is not surely empty.
/// </summary>
public sealed class SharedRoomPresence(SqliteConnectionFactory connections, InstanceIdentity instance, TimeProvider time)
{
    public async Task<bool> SurelyEmptyAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        if (connections.Provider != StorageProvider.Postgres)
            return false; // one process, which holds every shard: its own cache answers
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            """
            SELECT count(*) FROM instances i
            WHERE i.id <> @Id AND i.seen_at > @live
              AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = @sessionId AND a.left_at IS NULL)
            """, new { instance.Id, live = time.GetUtcNow() - InstanceHeartbeat.DeadAfter, sessionId }) > 0;
    }
}
