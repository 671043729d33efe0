using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Sessions;

/// <summary>Who was in a session's room and when, from the gateway's voice states.</summary>
public sealed class AttendanceRepository(SqliteConnectionFactory connections)
{
    /// <summary>Opens a stay unless one is already open for that member (a repeated voice state changes nothing).</summary>
    public async Task JoinAsync(long sessionId, Snowflake userId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO attendance (session_id, user_id, joined_at)
            SELECT @sessionId, @userId, @at
            WHERE NOT EXISTS (SELECT 1 FROM attendance WHERE session_id = @sessionId AND user_id = @userId AND left_at IS NULL)
            """, new { sessionId, userId, at });
    }

    public async Task LeaveAsync(long sessionId, Snowflake userId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE attendance SET left_at = @at WHERE session_id = @sessionId AND user_id = @userId AND left_at IS NULL",
            new { sessionId, userId, at });
    }

    /// <summary>Ends every open stay, when the room closes.</summary>
    public async Task LeaveAllAsync(long sessionId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE attendance SET left_at = @at WHERE session_id = @sessionId AND left_at IS NULL", new { sessionId, at });
    }

    public async Task<IReadOnlyList<Stay>> ListAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<Stay>(
            "SELECT user_id AS UserId, joined_at AS JoinedAt, left_at AS LeftAt FROM attendance WHERE session_id = @sessionId ORDER BY joined_at",
            new { sessionId })];
    }
}
