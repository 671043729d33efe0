using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Sessions.Elsewhere;

/// <summary>The partners' check-in answers, and the outcome they give the session.</summary>
public sealed class CheckInRepository(SqliteConnectionFactory connections)
{
    /// <summary>
    /// Records one partner's answer (a later press changes it) and gives the session the outcome the answers of both
    /// partners make, in one transaction. A talk that happened although a Discord room stayed empty is recorded as held
    /// elsewhere. Returns how many partners said they talked.
    /// </summary>
    public async Task<int> AnswerAsync(Session session, IReadOnlyList<Snowflake> partners, Snowflake user, bool talked, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await using var work = await connections.BeginAsync(cancellationToken);
        await work.ExecuteAsync(
            """
            INSERT INTO session_checkins (session_id, user_id, talked, answered_at) VALUES (@sessionId, @user, @talked, @now)
            ON CONFLICT (session_id, user_id) DO UPDATE SET talked = excluded.talked, answered_at = excluded.answered_at
            """, new { sessionId = session.Id, user, talked = talked ? 1 : 0, now });
        var count = await work.QuerySingleOrDefaultAsync<long>(
            "SELECT count(*) FROM session_checkins WHERE session_id = @sessionId AND talked = 1 AND user_id IN (@a, @b)",
            new { sessionId = session.Id, a = partners[0], b = partners[1] });
        var outcome = CheckInRule.OutcomeOf((int)count);
        await work.ExecuteAsync(
            """
            UPDATE sessions SET outcome = @outcome, place = CASE WHEN @anyTalked = 1 AND place = 'discord' THEN 'elsewhere' ELSE place END
            WHERE id = @sessionId AND status = 'closed'
            """, new { sessionId = session.Id, outcome = outcome.Code(), anyTalked = count > 0 ? 1 : 0 });
        await work.CommitAsync(cancellationToken);
        return (int)count;
    }

    public async Task<IReadOnlyDictionary<Snowflake, bool>> AnswersAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Answer>(
            "SELECT user_id AS UserId, talked AS Talked FROM session_checkins WHERE session_id = @sessionId", new { sessionId });
        return rows.ToDictionary(r => r.UserId, r => r.Talked == 1);
    }

    private sealed record Answer(Snowflake UserId, long Talked);
}
