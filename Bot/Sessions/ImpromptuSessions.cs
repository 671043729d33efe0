using CrossCoaching.Pairs;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Sessions;

public enum ImpromptuRefusal
{
    /// <summary>A session of the pair is open or would start before this one ends.</summary>
    Busy,

    /// <summary>The server has as many impromptu rooms as it may.</summary>
    GuildFull,
}

/// <summary>The impromptu session made, or why none was.</summary>
public sealed record ImpromptuPlan(Session? Session, ImpromptuRefusal? Refusal, Session? Blocking = null);

/// <summary>
/// <c>/ritual now</c>'s session, created only if the pair has no session open or due before it ends and the server is
/// under its cap of impromptu rooms. The checks and the insert share one write transaction (SQLite's BEGIN IMMEDIATE):
/// both partners pressing at once, in one process or two, give one room, never two.
/// </summary>
public sealed class ImpromptuSessions(SqliteConnectionFactory connections, SessionRepository sessions, SessionScheduler scheduler, IOptions<SessionOptions> options, TimeProvider time)
{
    public async Task<ImpromptuPlan> PlanAsync(Pair pair, int durationMinutes, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        // Whole seconds: the slot is also the session's key in the database.
        var slot = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var draft = new Session(0, pair.Id, pair.GuildId, SessionKind.Impromptu, slot, durationMinutes, o.GraceMinutes, SessionStatus.Scheduled,
            null, false, null, null, null, now, null);

        long id;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        await using (var transaction = await connection.BeginWriteAsync(cancellationToken))
        {
            var args = new { draft.PairId, draft.GuildId, until = draft.CloseAt, kind = SessionKind.Impromptu.Code() };
            var blocking = await connection.QueryFirstOrDefaultAsync<long?>(
                "SELECT id FROM sessions WHERE pair_id = @PairId AND status IN ('scheduled', 'open') AND slot_at < @until ORDER BY slot_at LIMIT 1", args, transaction);
            if (blocking is { } busy)
                return new ImpromptuPlan(null, ImpromptuRefusal.Busy, await sessions.GetAsync(busy, cancellationToken));
            var impromptu = await connection.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM sessions WHERE guild_id = @GuildId AND kind = @kind AND status IN ('scheduled', 'open')", args, transaction);
            if (impromptu >= o.MaxImpromptuRoomsPerGuild)
                return new ImpromptuPlan(null, ImpromptuRefusal.GuildFull);
            var sharing = await connection.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM sessions WHERE guild_id = @GuildId AND slot_at = @SlotAt AND status IN ('scheduled', 'open')",
                new { draft.GuildId, draft.SlotAt }, transaction) + 1;
            id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO sessions (pair_id, guild_id, kind, slot_at, duration_minutes, grace_minutes, status, created_at)
                VALUES (@PairId, @GuildId, @kind, @SlotAt, @DurationMinutes, @GraceMinutes, 'scheduled', @CreatedAt)
                RETURNING id
                """,
                new { draft.PairId, draft.GuildId, kind = SessionKind.Impromptu.Code(), draft.SlotAt, draft.DurationMinutes, draft.GraceMinutes, draft.CreatedAt },
                transaction);
            await connection.ExecuteAsync(
                "INSERT INTO session_steps (session_id, step, due_at) VALUES (@id, @step, @due)",
                SessionPlanner.Steps(draft, 0, SessionPlanner.PrepareLead(sharing, o), now).Select(s => new { id, step = s.Step.Code(), due = s.DueAt }), transaction);
            await transaction.CommitAsync(cancellationToken);
        }

        await scheduler.ArmAsync(await sessions.GetStepsAsync(id, cancellationToken), cancellationToken);
        return new ImpromptuPlan(await sessions.GetAsync(id, cancellationToken), null);
    }
}
