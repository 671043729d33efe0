using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions.Scheduling;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>
/// The sessions' safety net: plans every active ritual's next session, runs steps that are overdue (an overdue close
/// at once; a session whose slot passed while the bot was down is recorded as missed, never opened late), re-arms
/// triggers that went missing, and deletes rooms left behind by sessions that are over.
/// </summary>
public sealed class SessionReconciler(
    SessionRepository sessions,
    PairRepository pairs,
    SessionPlanner planner,
    SessionRunner runner,
    SessionScheduler scheduler,
    RoomService roomService,
    RoomRepository rooms,
    OrphanRooms orphans,
    TimeProvider time,
    ILogger<SessionReconciler> logger) : IReconcilable
{
    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        await EachAsync(await pairs.ListActiveAsync(cancellationToken), "plan the next session of pair", p => p.Id,
            pair => planner.PlanNextAsync(pair.Id, cancellationToken));
        await EachAsync(await sessions.ListUnfinishedAsync(cancellationToken), "reconcile session", s => s.Id,
            session => ReconcileAsync(session, cancellationToken));
        await EachAsync(await sessions.ListFinishedWithRoomAsync(cancellationToken), "delete the room left by session", s => s.Id,
            session => DeleteLeftoverRoomAsync(session, cancellationToken));
        await EachAsync([0], "delete untracked rooms", _ => "", _ => orphans.DeleteUntrackedAsync(cancellationToken));
        await EachAsync(await rooms.ListGuildsWithOverflowAsync(cancellationToken), "remove empty overflow categories of guild", g => g,
            guild => roomService.RemoveEmptyOverflowsAsync(guild, cancellationToken));
    }

    /// <summary>
    /// One pair, session or guild that fails (a corrupt row, a Discord error nobody expected) is logged and skipped: it
    /// never stops the pass for the others, which the next pass would otherwise also never reach.
    /// </summary>
    private async Task EachAsync<T>(IEnumerable<T> items, string what, Func<T, object> id, Func<T, Task> action)
    {
        foreach (var item in items)
        {
            try
            {
                await action(item);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not {What} {Id}; the others go on and the next pass retries", what, id(item));
            }
        }
    }

    private async Task ReconcileAsync(Session session, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var step in await sessions.GetStepsAsync(session.Id, cancellationToken))
        {
            if (step.State != StepState.Pending)
                continue;
            if (step.DueAt <= now)
            {
                // Overdue: run it here rather than wait for a trigger that may be gone. The runner decides what a late
                // step still means (a close runs, a stale reminder is dropped, a slot long past becomes "missed").
                await TryRunAsync(session, step.Step, cancellationToken);
                if ((await sessions.GetAsync(session.Id, cancellationToken))?.IsFinished == true)
                    return;
            }
            else if (!await scheduler.IsArmedAsync(session.Id, step.Step, cancellationToken))
            {
                await scheduler.ArmAsync([step], cancellationToken);
            }
        }
    }

    private async Task TryRunAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(session.Id, step, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Step {Step} of session {Session} failed again ({Reason}); the next pass retries", step, session.Id, e.Message);
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
