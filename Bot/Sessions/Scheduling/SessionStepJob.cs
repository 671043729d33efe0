using Microsoft.Extensions.Logging;
using Quartz;

namespace CrossCoaching.Sessions.Scheduling;

/// <summary>What one trigger carries: which step of which session is due.</summary>
public sealed record SessionStepInput(long SessionId, SessionStep Step);

/// <summary>
/// The alarm clock's hand: a thin job that runs one step through <see cref="SessionRunner"/>, which decides — from the
/// database — whether there is anything left to do. No [DisallowConcurrentExecution]: every session's one-shot
/// triggers share this job, and the runner serializes per session itself.
/// </summary>
public sealed class SessionStepJob(SessionRunner runner, SessionRepository sessions, SessionScheduler scheduler, ILogger<SessionStepJob> logger)
    : IJob<SessionStepInput>
{
    /// <summary>A trigger this much earlier than the step's due time no longer matches the database.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, SessionStepInput input, CancellationToken cancellationToken = default)
    {
        // The database is the source of truth: a trigger armed for a due time that has since moved (a database
        // restored from a backup beside a newer scheduler file) must not run the step early. It is re-armed instead: its
        // own trigger, still stored while it fires, is replaced, since arming alone would keep it.
        var due = (await sessions.GetStepsAsync(input.SessionId, cancellationToken)).FirstOrDefault(s => s.Step == input.Step);
        if (due is { State: StepState.Pending } && context.ScheduledFireTimeUtc is { } scheduled && due.DueAt - scheduled > Tolerance)
        {
            logger.LogWarning("Trigger of {Step} for session {Session} fired for {Scheduled}, but the step is due {Due}: re-armed",
                input.Step, input.SessionId, scheduled, due.DueAt);
            await scheduler.RearmAsync([due], cancellationToken);
            return;
        }

        await runner.RunAsync(input.SessionId, input.Step, cancellationToken);
    }
}
