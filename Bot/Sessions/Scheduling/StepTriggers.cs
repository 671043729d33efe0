using Quartz;

namespace CrossCoaching.Sessions.Scheduling;

/// <summary>
/// The job and the triggers that run session steps, built by hand so that many can be stored in one scheduler
/// transaction. They are exactly what the one-call <c>ScheduleJob&lt;SessionStepJob, SessionStepInput&gt;</c> stores: the
/// same durable job (<see cref="SchedulerConstants.ScheduledJobKey{TJob}"/>), so triggers armed by an earlier version
/// still fire, and the step as the trigger's input.
/// </summary>
public static class StepTriggers
{
    /// <summary>The durable job every step's trigger fires; a firing cut short by a crash runs again on recovery.</summary>
    public static IJobDetail Job { get; } = JobBuilder.Create<SessionStepJob>()
        .WithIdentity(SchedulerConstants.ScheduledJobKey<SessionStepJob>())
        .StoreDurably()
        .RequestRecovery()
        .Build();

    public static ITrigger For(SessionStepDue step) => TriggerBuilder.Create<SessionStepJob>()
        .WithIdentity(SessionScheduler.Key(step.SessionId, step.Step))
        .ForJob(Job.Key)
        .StartAt(step.DueAt)
        // Rooms must open and close even when late; a late reminder or warning means nothing any more, and the runner
        // drops it too, whatever fires it.
        .WithSimpleSchedule(s => s.WithMisfireInstruction(step.Step is SessionStep.Remind or SessionStep.Warn
            ? SimpleTriggerMisfireInstruction.NextWithRemainingCount
            : SimpleTriggerMisfireInstruction.FireNow))
        .WithPriority(Priority(step.Step))
        .UsingInput(new SessionStepInput(step.SessionId, step.Step))
        .Build();

    /// <summary>
    /// How late a trigger may fire and still count as on time (a reminder or warning later than this is a misfire, left
    /// to the reconciler): Quartz's durable store's default, kept for the in-memory store on SQLite.
    /// </summary>
    public static readonly TimeSpan MisfireThreshold = TimeSpan.FromMinutes(1);

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
