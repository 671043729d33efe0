using Quartz;

namespace CrossCoaching.Sessions.Scheduling;

/// <summary>What one trigger carries: which step of which session is due.</summary>
public sealed record SessionStepInput(long SessionId, SessionStep Step);

/// <summary>
/// The alarm clock's hand: a thin job that runs one step through <see cref="SessionRunner"/>, which decides — from the
/// database — whether there is anything left to do. No [DisallowConcurrentExecution]: every session's one-shot
/// triggers share this job, and the runner serializes per session itself.
/// </summary>
public sealed class SessionStepJob(SessionRunner runner) : IJob<SessionStepInput>
{
    public async ValueTask Execute(IJobExecutionContext context, SessionStepInput input, CancellationToken cancellationToken = default) =>
        await runner.RunAsync(input.SessionId, input.Step, cancellationToken);
}
