using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;

namespace CrossCoaching.Sessions.Scheduling;

/// <summary>
/// Arms one one-shot trigger per pending step, keyed <c>session:42:close</c> in the group <c>session-42</c>, so that
/// arming twice keeps the first (never duplicates) and cancelling a session removes its whole group. Many steps are
/// stored in one scheduler transaction (<see cref="BatchSize"/>). Only steps due
/// within the near horizon (<see cref="SessionOptions.PlanAheadMinutes"/>) get a trigger here; later ones are armed by
/// <see cref="StepHorizon"/> as the horizon reaches them.
/// </summary>
public sealed class SessionScheduler(ISchedulerFactory schedulers, IOptions<SessionOptions> options, TimeProvider time)
{
    /// <summary>The end of the near horizon now: steps due up to then are held by the scheduler.</summary>
    public DateTimeOffset HorizonEnd => time.GetUtcNow().AddMinutes(options.Value.PlanAheadMinutes);

    public static TriggerKey Key(long sessionId, SessionStep step) =>
        new($"session:{sessionId.ToString(CultureInfo.InvariantCulture)}:{step.Code()}", Group(sessionId));

    private const string GroupPrefix = "session-";

    private static string Group(long sessionId) => GroupPrefix + sessionId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Arms the pending steps due within the horizon, keeping a trigger already there; returns how many it armed or kept.</summary>
    public async Task<int> ArmAsync(IEnumerable<SessionStepDue> steps, CancellationToken cancellationToken = default) => (await ArmInReachAsync(steps, cancellationToken)).InReach;

    /// <summary>Arms the steps of these that are due within the horizon and have no trigger; returns those it stored.</summary>
    public async Task<IReadOnlyList<SessionStepDue>> ArmMissingAsync(IEnumerable<SessionStepDue> steps, CancellationToken cancellationToken = default) =>
        (await ArmInReachAsync(steps, cancellationToken)).Stored;

    /// <summary>
    /// One scheduler transaction per <see cref="BatchSize"/> triggers, not one per trigger: on a large community's first
    /// start each transaction costs tens of milliseconds (the store's lock, a journal write), whatever it holds. Steps
    /// already armed are left out first, so their triggers are kept; the batch then replaces only what another caller
    /// armed in between, with the same trigger (both read the step from the database), which the steps allow, being
    /// idempotent — as a "keep" would, since a trigger that is firing has nothing pending left to keep.
    /// </summary>
    private async Task<(int InReach, IReadOnlyList<SessionStepDue> Stored)> ArmInReachAsync(IEnumerable<SessionStepDue> steps, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Read once: the horizon planner sets its mark no later than this, so a step left out here is one it arms.
        var horizon = HorizonEnd;
        var inReach = steps.Where(s => s.State == StepState.Pending && s.DueAt <= horizon).DistinctBy(s => (s.SessionId, s.Step)).ToList();
        if (inReach.Count == 0)
            return (0, []);
        var armed = await ArmedAmongAsync(scheduler, inReach, cancellationToken);
        var missing = inReach.Where(s => !armed.Contains(Key(s.SessionId, s.Step))).ToList();
        foreach (var batch in missing.Chunk(BatchSize))
            await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [StepTriggers.Job] = [.. batch.Select(StepTriggers.For)] },
                ScheduleJobOptions.Replacing, cancellationToken);
        return (inReach.Count, missing);
    }

    /// <summary>Triggers stored in one scheduler transaction: large enough that a first start takes a few, small enough that firings are not held up.</summary>
    public const int BatchSize = 250;

    /// <summary>
    /// Which of these steps have a trigger: asked one by one for a few, else read in one query of every session trigger,
    /// which the horizon keeps to the steps due within a few hours.
    /// </summary>
    private static async Task<HashSet<TriggerKey>> ArmedAmongAsync(IScheduler scheduler, List<SessionStepDue> steps, CancellationToken cancellationToken)
    {
        if (steps.Count > FewSteps)
            return [.. await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupStartsWith(GroupPrefix), cancellationToken)];
        var armed = new HashSet<TriggerKey>();
        foreach (var key in steps.Select(s => Key(s.SessionId, s.Step)))
            if (await scheduler.Exists(key, cancellationToken))
                armed.Add(key);
        return armed;
    }

    private const int FewSteps = 10;

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
}
