using CrossCoaching.Discord;
using CrossCoaching.Messaging;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Progress;

public enum RoundAnswer
{
    Continue,
    Stop,
}

/// <summary>The partners' answers at the end of a round, and when the question was asked.</summary>
public sealed class RoundRepository(SqliteConnectionFactory connections)
{
    /// <summary>The notice kind of the Continue / Stop question, one per partner, keyed on the round's last session.</summary>
    public const string PromptKind = NoticeKinds.RoundEnd;

    /// <summary>Records a partner's answer; the first one stands (false when they had answered already).</summary>
    public async Task<bool> AnswerAsync(long pairId, int round, Snowflake user, RoundAnswer answer, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            INSERT INTO round_answers (pair_id, round_number, user_id, answer, answered_at) VALUES (@pairId, @round, @user, @answer, @now)
            ON CONFLICT DO NOTHING
            """,
            new { pairId, round, user = unchecked((long)user.Value), answer = Code(answer), now }) == 1;
    }

    public async Task<IReadOnlyDictionary<Snowflake, RoundAnswer>> AnswersAsync(long pairId, int round, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long User, string Answer)>(
            "SELECT user_id, answer FROM round_answers WHERE pair_id = @pairId AND round_number = @round", new { pairId, round });
        return rows.ToDictionary(r => new Snowflake(unchecked((ulong)r.User)), r => Enum.Parse<RoundAnswer>(r.Answer, ignoreCase: true));
    }

    /// <summary>
    /// Of these sessions (in slot order), the first one the round's question was asked on, and when it was first sent — so that a
    /// question asked once is never asked again on another session, even if the round's length changed since.
    /// </summary>
    public async Task<(long SessionId, DateTimeOffset SentAt)?> FindPromptAsync(IEnumerable<long> sessionIds, CancellationToken cancellationToken = default)
    {
        var ids = sessionIds.ToArray(); // a plain long[]: Dapper applies no type handler to list parameters
        if (ids.Length == 0)
            return null;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long SessionId, string SentAt)>(
            "SELECT session_id, min(sent_at) FROM session_notices WHERE kind = @kind AND session_id IN @ids GROUP BY session_id",
            new { kind = PromptKind, ids });
        return rows.OrderBy(r => Array.IndexOf(ids, r.SessionId)).Select(r => ((long, DateTimeOffset)?)(r.SessionId, DapperTypeHandlers.ParseInstant(r.SentAt))).FirstOrDefault();
    }

    /// <summary>
    /// Active pairs whose current round may be over: as many sessions counted since the round started as the guild's
    /// round length, or the question already asked on one of them. One query, so the reconciler looks closer at these
    /// only and not at every pair. With <paramref name="changedSince"/>, only pairs with a ritual session that ended since
    /// then (a round may have just ended) or one that ended a question's answer window before (its silence may have
    /// just lasted a week: <paramref name="silentSince"/> to <paramref name="silentUntil"/>) are looked at, through the
    /// index on sessions (status, closed_at); without it, every active pair (the rare full sweep).
    /// </summary>
    public async Task<IReadOnlyList<long>> ListPairsWithRoundOverAsync(DateTimeOffset? changedSince = null, DateTimeOffset? silentSince = null,
        DateTimeOffset? silentUntil = null, CancellationToken cancellationToken = default)
    {
        var changed = changedSince is null ? "" : """
            AND p.id IN (
                SELECT pair_id FROM sessions WHERE status IN ('closed', 'missed') AND closed_at > @changedSince
                UNION SELECT pair_id FROM sessions WHERE status IN ('closed', 'missed') AND closed_at > @silentSince AND closed_at <= @silentUntil)
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<long>(
            $"""
            SELECT p.id FROM pairs p
            WHERE p.status = 'active' {changed} AND (
                (SELECT count(*) FROM sessions s
                 WHERE s.pair_id = p.id AND s.kind = 'ritual' AND s.status IN ('closed', 'missed') AND s.slot_at >= p.round_started_at)
                >= coalesce((SELECT g.round_length FROM guild_settings g WHERE g.guild_id = p.guild_id), @defaultLength)
                OR EXISTS (
                    SELECT 1 FROM sessions s JOIN session_notices n ON n.session_id = s.id AND n.kind = @kind
                    WHERE s.pair_id = p.id AND s.kind = 'ritual' AND s.status IN ('closed', 'missed') AND s.slot_at >= p.round_started_at))
            ORDER BY p.id
            """, new { kind = PromptKind, defaultLength = GuildSettings.GuildConfig.DefaultRoundLength, changedSince, silentSince, silentUntil })];
    }

    private static string Code(RoundAnswer answer) => answer == RoundAnswer.Continue ? "continue" : "stop";
}
