using CrossCoaching.Hosting;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Sessions;

/// <summary>
/// Moves one planned session to another slot (<c>/ritual move</c>, once the partner agreed). The new slot, its steps
/// and the memory of the original slot are written in the caller's transaction; the triggers are replaced after it
/// commits, and <see cref="MovedSessionsReconciler"/> replaces them if a crash came in between.
/// </summary>
public sealed class SessionMover(
    SessionRepository sessions,
    SessionMoveRepository moves,
    SessionScheduler scheduler,
    IClusterLocks locks,
    IOptions<SessionOptions> options,
    TimeProvider time,
    ILogger<SessionMover> logger)
{
    /// <summary>Held around the move's transaction: no step of the session runs while its slot changes.</summary>
    public Task<IAsyncDisposable> LockAsync(long sessionId, CancellationToken cancellationToken = default) => locks.AcquireAsync(LockScope.Session, sessionId, cancellationToken);

    /// <summary>
    /// Moves <paramref name="session"/> from its current slot to <paramref name="to"/>, in <paramref name="work"/>; false when
    /// it can no longer move (it opened, its room is being prepared, it was cancelled, or it moved already).
    /// </summary>
    public async Task<bool> MoveAsync(DbWork work, Session session, DateTimeOffset to, int reminderMinutes)
    {
        var now = time.GetUtcNow();
        var moved = session with { SlotAt = to };
        var sharing = await sessions.CountAtSlotAsync(session.GuildId, to) + 1;
        var steps = SessionPlanner.Steps(moved, reminderMinutes, SessionPlanner.PrepareLead(sharing, options.Value), now);
        if (await work.ExecuteAsync(
                """
                UPDATE sessions SET slot_at = @to
                WHERE id = @Id AND status = 'scheduled' AND slot_at = @SlotAt AND room_channel_id IS NULL
                """, new { to, session.Id, session.SlotAt }) != 1)
            return false;
        var id = session.Id;
        await work.ExecuteAsync("DELETE FROM session_steps WHERE session_id = @id", new { id });
        await work.ExecuteAsync("INSERT INTO session_steps (session_id, step, due_at) VALUES (@id, @step, @due)",
            steps.Select(s => new { id, step = s.Step.Code(), due = s.DueAt }));
        // The first original stays: a session moved twice still stands for the occurrence the ritual gave it.
        await work.ExecuteAsync(
            """
            INSERT INTO session_moves (session_id, original_slot, moved_at, armed) VALUES (@id, @SlotAt, @now, 0)
            ON CONFLICT (session_id) DO UPDATE SET moved_at = excluded.moved_at, armed = 0
            """, new { id, session.SlotAt, now });
        return true;
    }

    /// <summary>Replaces the session's triggers with ones at its steps' due times; runs after the move committed.</summary>
    public async Task RearmAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        await using (await locks.AcquireAsync(LockScope.Session, sessionId, cancellationToken))
        {
            await scheduler.DisarmAsync(sessionId, cancellationToken);
            if (await sessions.GetAsync(sessionId, cancellationToken) is { Status: SessionStatus.Scheduled })
                await scheduler.ArmAsync(await sessions.GetStepsAsync(sessionId, cancellationToken), cancellationToken);
            await moves.MarkArmedAsync(sessionId, cancellationToken);
        }

        logger.LogInformation("Session {Session} re-armed at its moved slot", sessionId);
    }
}
