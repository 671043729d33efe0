using Dapper;

namespace CrossCoaching.Storage;

/// <summary>A room's presence from <c>attendance</c> (who joined and has not left), trusted while <c>instances</c> shows a live recorder.</summary>
public sealed class RoomPresenceStore(SqliteConnectionFactory connections) : IRoomPresenceStore
{
    public bool Shared => connections.Provider == StorageProvider.Postgres;

    public async Task<bool> EmptyWhileWatchedAsync(long sessionId, string self, DateTimeOffset liveSince, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            """
            SELECT count(*) FROM instances i
            WHERE i.id <> @self AND i.seen_at > @liveSince
              AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = @sessionId AND a.left_at IS NULL)
            """, new { self, liveSince, sessionId }) > 0;
    }
}
