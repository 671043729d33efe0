using System.Globalization;
using Quartz;

namespace CrossCoaching.Sessions.Scheduling;

/// <summary>
/// Arms one one-shot trigger per pending step, keyed <c>session:42:close</c> in the group <c>session-42</c>, so that
/// arming twice keeps the first (never duplicates) and cancelling a session removes its whole group.
/// </summary>
public sealed class SessionScheduler(ISchedulerFactory schedulers)
{
    public static TriggerKey Key(long sessionId, SessionStep step) =>
        new($"session:{sessionId.ToString(CultureInfo.InvariantCulture)}:{step.Code()}", Group(sessionId));

    private static string Group(long sessionId) => $"session-{sessionId.ToString(CultureInfo.InvariantCulture)}";

    public async Task ArmAsync(IEnumerable<SessionStepDue> steps, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var step in steps.Where(s => s.State == StepState.Pending))
        {
            var key = Key(step.SessionId, step.Step);
            await scheduler.ScheduleJob<SessionStepJob, SessionStepInput>(new SessionStepInput(step.SessionId, step.Step), step.DueAt, new OneOffJobOptions
            {
                Name = key.Name,
                Group = key.Group,
                OnConflict = TriggerConflict.Keep,
                // Rooms must open and close even when late; a late reminder or warning means nothing any more, and the
                // runner drops it too, whatever fires it.
                MisfireInstruction = step.Step is SessionStep.Remind or SessionStep.Warn
                    ? SimpleTriggerMisfireInstruction.NextWithRemainingCount
                    : SimpleTriggerMisfireInstruction.FireNow,
                Priority = Priority(step.Step),
                RequestRecovery = true,
            }, cancellationToken);
        }
    }

    public async Task DisarmAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJobs(GroupMatcher<TriggerKey>.GroupEquals(Group(sessionId)), cancellationToken);
    }

    public async Task<bool> IsArmedAsync(long sessionId, SessionStep step, CancellationToken cancellationToken = default) =>
        await (await schedulers.GetScheduler(cancellationToken)).Exists(Key(sessionId, step), cancellationToken);

    /// <summary>When steps are due at once and threads are short, closing rooms comes first.</summary>
    private static int Priority(SessionStep step) => step switch
    {
        SessionStep.Close => 10,
        SessionStep.Open => 8,
        SessionStep.Prepare => 7,
        SessionStep.Warn => 5,
        _ => 3,
    };
}
