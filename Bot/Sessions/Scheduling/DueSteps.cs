using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Sessions.Scheduling;

/// <summary>
/// The step queries behind the near horizon, each answered from the index on (state, due_at): what the planner arms
/// next, what is overdue, what is about to be due. None reads every session: the cost follows what is due, not how
/// many rituals there are.
/// </summary>
public sealed class DueSteps(SqliteConnectionFactory connections)
{
    /// <summary>Pending steps of unfinished sessions due in (<paramref name="after"/>, <paramref name="until"/>], by due time.</summary>
    public Task<IReadOnlyList<SessionStepDue>> BetweenAsync(DateTimeOffset after, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        QueryAsync("st.due_at > @after AND st.due_at <= @until", new { after, until }, cancellationToken);

    /// <summary>Pending steps of unfinished sessions due at or before <paramref name="now"/>: their trigger was lost or late.</summary>
    public Task<IReadOnlyList<SessionStepDue>> OverdueAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        QueryAsync("st.due_at <= @now", new { now }, cancellationToken);

    /// <summary>Overdue pending steps of one guild's unfinished sessions (the end of its outage).</summary>
    public Task<IReadOnlyList<SessionStepDue>> OverdueInGuildAsync(DateTimeOffset now, Snowflake guildId, CancellationToken cancellationToken = default) =>
        QueryAsync("st.due_at <= @now AND s.guild_id = @guildId", new { now, guildId }, cancellationToken);

    /// <summary>
    /// Active pairs with a ritual that is not paused but no ritual session planned after <paramref name="now"/>: the
    /// ones whose chain of planning broke (a crash, an error) or never started. One query instead of one per pair. With
    /// <paramref name="since"/>, only pairs that changed since then are looked at — a session that ended or whose slot
    /// came, a ritual saved (set, paused, resumed) — so the query costs what changed and not the number of pairs; without
    /// it, every active pair (the rare full sweep).
    /// </summary>
    public async Task<IReadOnlyList<long>> UnplannedPairsAsync(DateTimeOffset now, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        var changed = since is null ? "" : $"AND p.id IN ({ChangedPairs})";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<long>(
            $"""
            SELECT p.id FROM pairs p JOIN rituals r ON r.pair_id = p.id
            WHERE p.status = 'active' AND r.paused = 0 {changed} AND NOT EXISTS (
                SELECT 1 FROM sessions s
                WHERE s.pair_id = p.id AND s.slot_at > @now AND s.kind = 'ritual' AND s.status = 'scheduled')
            ORDER BY p.id
            """, new { now, since })];
    }

    /// <summary>
    /// Pairs that may need planning since <c>@since</c>: a session ended (index on status, closed_at — every way a session
    /// ends stamps closed_at), a slot came (index on slot_at: the session opens, the next is planned at its end), a
    /// ritual saved (index on updated_at: every save stamps it).
    /// </summary>
    private const string ChangedPairs = """
        SELECT pair_id FROM sessions WHERE status IN ('closed', 'missed', 'skipped', 'cancelled', 'failed') AND closed_at > @since
        UNION SELECT pair_id FROM sessions WHERE slot_at > @since AND slot_at <= @now
        UNION SELECT pair_id FROM rituals WHERE updated_at > @since
        """;

    private async Task<IReadOnlyList<SessionStepDue>> QueryAsync(string range, object args, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long SessionId, string Step, DateTimeOffset DueAt, string State, long Attempts)>(
            $"""
            SELECT st.session_id, st.step, st.due_at, st.state, st.attempts
            FROM session_steps st JOIN sessions s ON s.id = st.session_id
            WHERE st.state = 'pending' AND {range} AND s.status IN ('scheduled', 'open')
            ORDER BY st.due_at, st.session_id
            """, args);
        return [.. rows.Select(r => new SessionStepDue(r.SessionId, SessionCodes.Parse<SessionStep>(r.Step), r.DueAt, SessionCodes.Parse<StepState>(r.State), (int)r.Attempts))];
    }
}
