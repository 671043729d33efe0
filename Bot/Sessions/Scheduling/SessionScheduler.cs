using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;

namespace CrossCoaching.Sessions.Scheduling;

/// <summary>
/// Arms one one-shot trigger per pending step, keyed <c>session:42:close</c> in the group <c>session-42</c>, so that
/// arming twice keeps the first (never duplicates) and cancelling a session removes its whole group. Only steps due
/// within the near horizon (<see cref="SessionOptions.PlanAheadMinutes"/>) get a trigger here; later ones are armed by
/// <see cref="StepHorizon"/> as the horizon reaches them.
/// </summary>
public sealed class SessionScheduler(ISchedulerFactory schedulers, IOptions<SessionOptions> options, TimeProvider time)
{
    /// <summary>The end of the near horizon now: steps due up to then are held by the scheduler.</summary>
    public DateTimeOffset HorizonEnd => time.GetUtcNow().AddMinutes(options.Value.PlanAheadMinutes);

    public static TriggerKey Key(long sessionId, SessionStep step) =>
        new($"session:{sessionId.ToString(CultureInfo.InvariantCulture)}:{step.Code()}", Group(sessionId));

    private static string Group(long sessionId) => $"session-{sessionId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Arms the pending steps due within the horizon, keeping a trigger already there; returns how many it armed or kept.</summary>
    public async Task<int> ArmAsync(IEnumerable<SessionStepDue> steps, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Read once: the horizon planner sets its mark no later than this, so a step left out here is one it arms.
        var horizon = HorizonEnd;
        var armed = 0;
        foreach (var step in steps.Where(s => s.State == StepState.Pending && s.DueAt <= horizon))
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
            armed++;
        }

        return armed;
    }

    /// <summary>
    /// For steps whose due time moved: their triggers are replaced by ones at the new due times (or removed, when the
    /// new time is beyond the horizon, for the horizon planner to arm later). Arming alone would keep the old trigger.
    /// </summary>
    public async Task RearmAsync(IEnumerable<SessionStepDue> steps, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var moved = steps.ToList();
        await scheduler.UnscheduleJobs([.. moved.Select(s => Key(s.SessionId, s.Step))], cancellationToken);
        await ArmAsync(moved, cancellationToken);
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
