using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Sessions;

/// <summary>A planned session moved away from its ritual's slot: <c>session_moves</c>.</summary>
public sealed record SessionMove(long SessionId, long PairId, DateTimeOffset OriginalSlot, DateTimeOffset SlotAt, SessionStatus Status);

/// <summary>Where moved sessions came from, and which of them still wait for their triggers to be replaced.</summary>
public sealed class SessionMoveRepository(SqliteConnectionFactory connections)
{
    private const string Select =
        """
        SELECT m.session_id AS SessionId, s.pair_id AS PairId, m.original_slot AS OriginalSlot, s.slot_at AS SlotAt, s.status AS Status
        FROM session_moves m JOIN sessions s ON s.id = m.session_id
        """;

    /// <summary>The pair's moved sessions that still stand for an occurrence (not cancelled by a change of ritual).</summary>
    public Task<IReadOnlyList<SessionMove>> ForPairAsync(long pairId, CancellationToken cancellationToken = default) =>
        QueryAsync($"{Select} WHERE s.pair_id = @pairId AND s.status <> 'cancelled' ORDER BY s.slot_at", new { pairId }, cancellationToken);

    /// <summary>Moves committed whose triggers were not yet replaced (a crash after the move).</summary>
    public Task<IReadOnlyList<SessionMove>> ListUnarmedAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"{Select} WHERE m.armed = 0", null, cancellationToken);

    public async Task MarkArmedAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE session_moves SET armed = 1 WHERE session_id = @sessionId", new { sessionId });
    }

    private async Task<IReadOnlyList<SessionMove>> QueryAsync(string sql, object? args, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<(long SessionId, long PairId, DateTimeOffset OriginalSlot, DateTimeOffset SlotAt, string Status)>(sql, args))
            .Select(r => new SessionMove(r.SessionId, r.PairId, r.OriginalSlot, r.SlotAt, SessionCodes.Parse<SessionStatus>(r.Status)))];
    }
}
