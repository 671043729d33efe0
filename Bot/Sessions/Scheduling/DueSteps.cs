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
    /// ones whose chain of planning broke (a crash, an error) or never started. One query instead of one per pair.
    /// </summary>
    public async Task<IReadOnlyList<long>> UnplannedPairsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<long>(
            """
            SELECT p.id FROM pairs p JOIN rituals r ON r.pair_id = p.id
            WHERE p.status = 'active' AND r.paused = 0 AND NOT EXISTS (
                SELECT 1 FROM sessions s
                WHERE s.pair_id = p.id AND s.slot_at > @now AND s.kind = 'ritual' AND s.status = 'scheduled')
            ORDER BY p.id
            """, new { now })];
    }

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
