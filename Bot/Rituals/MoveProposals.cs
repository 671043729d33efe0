using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Rituals;

public enum MoveStatus
{
    Pending,
    Accepted,
    Declined,
    Replaced,
}

/// <summary>
/// A <c>/ritual move</c> proposal: one session of the pair, from its slot to another, awaiting the partner. Still
/// pending at <see cref="OriginalSlot"/>, it has lapsed: the session stays where it was.
/// </summary>
public sealed record MoveProposal(
    long Id, long PairId, long SessionId, DateTimeOffset OriginalSlot, DateTimeOffset ProposedSlot, Snowflake ProposedBy, MoveStatus Status, DateTimeOffset CreatedAt)
{
    public bool HasLapsedAt(DateTimeOffset now) => now >= OriginalSlot;
}

public sealed class MoveProposals(SqliteConnectionFactory connections)
{
    private const string Columns =
        """
        id AS Id, pair_id AS PairId, session_id AS SessionId, original_slot AS OriginalSlot, proposed_slot AS ProposedSlot,
        proposed_by AS ProposedBy, status AS Status, created_at AS CreatedAt
        """;

    /// <summary>Records a proposal, in the transaction that owes the partner its message; an earlier one still pending is replaced.</summary>
#pragma warning disable CA1822 // Like the other repositories: callers reach the repository, not its SQL.
    public async Task<long> ProposeAsync(DbWork work, long pairId, long sessionId, DateTimeOffset originalSlot, DateTimeOffset proposedSlot, Snowflake by,
        DateTimeOffset now)
    {
        await work.ExecuteAsync("UPDATE move_proposals SET status = 'replaced', answered_at = @now WHERE pair_id = @pairId AND status = 'pending'", new { pairId, now });
        return await work.QuerySingleOrDefaultAsync<long>(
            """
            INSERT INTO move_proposals (pair_id, session_id, original_slot, proposed_slot, proposed_by, status, created_at)
            VALUES (@pairId, @sessionId, @originalSlot, @proposedSlot, @by, 'pending', @now)
            RETURNING id
            """, new { pairId, sessionId, originalSlot, proposedSlot, by, now });
    }

    /// <summary>The answer, once: false when the proposal was no longer pending (a second press, a newer proposal).</summary>
    public async Task<bool> AnswerAsync(DbWork work, long id, MoveStatus answer, DateTimeOffset now) =>
        await work.ExecuteAsync("UPDATE move_proposals SET status = @status, answered_at = @now WHERE id = @id AND status = 'pending'",
            new { id, status = answer.ToString().ToLowerInvariant(), now }) == 1;
#pragma warning restore CA1822

    public async Task<MoveProposal?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM move_proposals WHERE id = @id", new { id });
        return row is null ? null : new MoveProposal(row.Id, row.PairId, row.SessionId, row.OriginalSlot, row.ProposedSlot, row.ProposedBy,
            Enum.Parse<MoveStatus>(row.Status, ignoreCase: true), row.CreatedAt);
    }

    private sealed record Row(long Id, long PairId, long SessionId, DateTimeOffset OriginalSlot, DateTimeOffset ProposedSlot, Snowflake ProposedBy, string Status,
        DateTimeOffset CreatedAt);
}
