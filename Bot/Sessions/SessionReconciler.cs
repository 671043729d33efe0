using CrossCoaching.Hosting;
using CrossCoaching.Sessions.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Sessions;

/// <summary>
/// The sessions' safety net: plans the next session of active rituals whose chain of planning broke, tops up the
/// scheduler's near horizon, runs steps that are overdue (an overdue close at once; a session whose slot passed while
/// the bot was down is recorded as missed, never opened late), re-arms triggers that went missing before they are due,
/// and deletes rooms left behind by sessions that are over. Every query asks for what is due, broken or changed since
/// the last pass (<see cref="ReconcilerWindow"/>), so a pass costs what changed, not the number of rituals.
/// </summary>
public sealed class SessionReconciler(
    SessionRepository sessions,
    DueSteps due,
    StepHorizon horizon,
    SessionPlanner planner,
    SessionRunner runner,
    SessionScheduler scheduler,
    RoomService roomService,
    RoomRepository rooms,
    OrphanRooms orphans,
    IOptions<SessionOptions> options,
    TimeProvider time,
    ILogger<SessionReconciler> logger) : IReconcilable
{
    private readonly ReconcilerWindow _planningNet = new(time);

    /// <summary>Pairs whose planning failed at the last pass: retried at the next, although nothing changed for them.</summary>
    private IReadOnlyList<long> _planningFailed = [];

    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        // The planning net reads the pairs that changed since its last pass, and every active pair once a day.
        var pass = _planningNet.Begin();
        var unplanned = (await due.UnplannedPairsAsync(pass.Now, pass.Since, cancellationToken)).Union(_planningFailed).ToList();
        _planningFailed = await EachAsync(unplanned, "plan the next session of pair", p => p, pair => planner.PlanNextAsync(pair, cancellationToken));
        _planningNet.Completed(pass);
        await EachAsync([0], "top up the scheduler's horizon", _ => "", _ => horizon.TopUpAsync(cancellationToken));
        var overdue = (await due.OverdueAsync(time.GetUtcNow(), cancellationToken)).GroupBy(s => s.SessionId);
        await EachAsync(overdue, "reconcile session", s => s.Key, steps => RunOverdueAsync(steps, cancellationToken));
        await EachAsync([0], "re-arm missing triggers", _ => "", _ => RearmMissingAsync(cancellationToken));
        await EachAsync(await sessions.ListFinishedWithRoomAsync(cancellationToken), "delete the room left by session", s => s.Id,
            session => DeleteLeftoverRoomAsync(session, cancellationToken));
        await EachAsync([0], "delete untracked rooms", _ => "", _ => orphans.DeleteUntrackedAsync(cancellationToken));
        await EachAsync(await rooms.ListGuildsWithOverflowAsync(cancellationToken), "remove empty overflow categories of guild", g => g,
            guild => roomService.RemoveEmptyOverflowsAsync(guild, cancellationToken));
    }

    /// <summary>
    /// One pair, session or guild that fails (a corrupt row, a Discord error nobody expected) is logged and skipped: it
    /// never stops the pass for the others, which the next pass would otherwise also never reach. Returns those that failed.
    /// </summary>
    private async Task<IReadOnlyList<T>> EachAsync<T>(IEnumerable<T> items, string what, Func<T, object> id, Func<T, Task> action)
    {
        var failed = new List<T>();
        foreach (var item in items)
        {
            try
            {
                await action(item);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not {What} {Id}; the others go on and the next pass retries", what, id(item));
                failed.Add(item);
            }
        }

        return failed;
    }

    /// <summary>
    /// Steps due before the next pass or the one after: a trigger missing there (a scheduler file lost, a crash between
    /// writing a session and arming it) is armed again in time, all in one scheduler transaction. Later steps are
    /// checked as they come this close.
    /// </summary>
    private async Task RearmMissingAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var soon = await due.BetweenAsync(now, now.AddMinutes(2 * options.Value.ReconcileMinutes), cancellationToken);
        foreach (var step in await scheduler.ArmMissingAsync(soon, cancellationToken))
            logger.LogWarning("The trigger of {Step} for session {Session}, due {Due}, was missing: armed again", step.Step, step.SessionId, step.DueAt);
    }

    /// <summary>
    /// Overdue: run here rather than wait for a trigger that may be gone. The runner decides what a late step still
    /// means (a close runs, a stale reminder is dropped, a slot long past becomes "missed").
    /// </summary>
    private async Task RunOverdueAsync(IEnumerable<SessionStepDue> steps, CancellationToken cancellationToken)
    {
        foreach (var step in steps.OrderBy(s => s.Step))
        {
            await TryRunAsync(step.SessionId, step.Step, cancellationToken);
            if ((await sessions.GetAsync(step.SessionId, cancellationToken))?.IsFinished != false)
                return;
        }
    }

    private async Task TryRunAsync(long sessionId, SessionStep step, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(sessionId, step, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Step {Step} of session {Session} failed again ({Reason}); the next pass retries", step, sessionId, e.Message);
        }
    }

    private async Task DeleteLeftoverRoomAsync(Session session, CancellationToken cancellationToken)
    {
        try
        {
            await roomService.DeleteAsync(session.GuildId, session.RoomChannelId!.Value, session.RoomParentId, $"CrossCoaching session {session.Id} is over", cancellationToken);
            await sessions.SetRoomAsync(session.Id, null, null, cancellationToken);
            logger.LogInformation("Deleted the room left by session {Session}", session.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not delete the room left by session {Session}: {Reason}", session.Id, e.Message);
        }
    }
}
