using CrossCoaching.Hosting;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Storage;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Sessions.InRoom;

/// <summary>
/// "+5 min": the session's time-box, its pending warning and its close move five minutes later in one commit, then
/// their triggers are replaced. The database is the truth: should the process stop between the two, the old trigger
/// fires early, finds the step due later and is re-armed (<see cref="SessionStepJob"/>), and the reconciler arms
/// whatever is missing, so the room never closes before its new time and the extension is never applied twice.
/// </summary>
public sealed class SessionExtender(
    SessionRepository sessions,
    SqliteConnectionFactory connections,
    SessionScheduler scheduler,
    IClusterLocks locks,
    IOptions<SessionOptions> options,
    TimeProvider time)
{
    public async Task<(ExtensionRefusal Refusal, Session? Session, DateTimeOffset? NextSlot)> ExtendAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        await using (await locks.AcquireAsync(LockScope.Session, sessionId, cancellationToken))
        {
            if (await sessions.GetAsync(sessionId, cancellationToken) is not { } session)
                return (ExtensionRefusal.NotRunning, null, null);
            var next = (await sessions.ListUnfinishedForPairAsync(session.PairId, cancellationToken))
                .Where(s => s.Id != session.Id && s.SlotAt > session.SlotAt).Select(s => (DateTimeOffset?)s.SlotAt).Min();
            var refusal = ExtensionRule.Check(session, time.GetUtcNow(), options.Value.MaximumDurationMinutes, next);
            if (refusal != ExtensionRefusal.None)
                return (refusal, session, next);

            var extended = session with { DurationMinutes = session.DurationMinutes + ExtensionRule.Minutes };
            await using (var work = await connections.BeginAsync(cancellationToken))
            {
                // Counted against the extensions already made: a press that lost a race changes nothing.
                if (!await sessions.ExtendAsync(work, extended, session.Extensions, ExtensionRule.Minutes))
                    return (ExtensionRefusal.NotRunning, await sessions.GetAsync(sessionId, cancellationToken), next);
                await work.CommitAsync(cancellationToken);
            }

            await RearmAsync(sessionId, cancellationToken);
            return (ExtensionRefusal.None, await sessions.GetAsync(sessionId, cancellationToken), next);
        }
    }

    /// <summary>The moved warning and close replace their old triggers (arming alone keeps a trigger already there).</summary>
    private async Task RearmAsync(long sessionId, CancellationToken cancellationToken)
    {
        var moved = (await sessions.GetStepsAsync(sessionId, cancellationToken))
            .Where(s => s.State == StepState.Pending && s.Step is SessionStep.Warn or SessionStep.Close).ToList();
        await scheduler.RearmAsync(moved, cancellationToken);
    }
}
