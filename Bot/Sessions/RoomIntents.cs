using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Sessions;

/// <summary>
/// The room a session asked Discord for and has not recorded yet (<c>sessions.room_requested_at</c>). Stamped in a
/// write of its own, committed before the request leaves; cleared by the write that records the room
/// (<see cref="SessionRepository.SetRoomAsync"/>). A stamp found with no room means an earlier try was cut short
/// between the request and that write — the process killed, Discord's answer lost — on this instance or another:
/// Discord may hold a room that no row names, and the next try must look for it before making one.
/// </summary>
public sealed class RoomIntents(SqliteConnectionFactory connections, TimeProvider time)
{
    /// <summary>Whether an earlier try asked Discord for this session's room and never recorded what came of it.</summary>
    public async Task<bool> WasCutShortAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM sessions WHERE id = @sessionId AND room_requested_at IS NOT NULL AND room_channel_id IS NULL)",
            new { sessionId });
    }

    /// <summary>
    /// Pairs of the guild whose unfinished session asked for a room and never recorded it: a room of theirs tied to no
    /// session is left to that session's room step, which takes it (<see cref="OrphanRooms"/>).
    /// </summary>
    public async Task<IReadOnlySet<long>> PairsAwaitingTheirRoomAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(
            """
            SELECT pair_id FROM sessions
            WHERE guild_id = @guildId AND room_requested_at IS NOT NULL AND room_channel_id IS NULL AND status IN ('scheduled', 'open')
            """,
            new { guildId })).ToHashSet();
    }

    /// <summary>Stamps the request; committed when this returns, so that no crash after it can hide the room.</summary>
    public async Task RecordAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE sessions SET room_requested_at = @now WHERE id = @sessionId", new { sessionId, now = time.GetUtcNow() });
    }

    /// <summary>Clears the stamp when Discord surely made no room (it refused the request) or the room it made is accounted for.</summary>
    public async Task ClearAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE sessions SET room_requested_at = NULL WHERE id = @sessionId", new { sessionId });
    }
}
