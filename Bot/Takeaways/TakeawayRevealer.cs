using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Takeaways;

/// <summary>
/// The periodic side of the reveal: takeaways held past their deadline are revealed alone, and revealed ones that
/// Discord did not take (an outage) are delivered again for a week, and trail messages a forget left to re-render are.
/// </summary>
public sealed class TakeawayRevealer(
    TakeawayRepository takeaways,
    SessionRepository sessions,
    PairRepository pairs,
    TakeawayReveal reveal,
    TimeProvider time,
    ILogger<TakeawayRevealer> logger) : IReconcilable
{
    /// <summary>How long a failed delivery is retried; after that the takeaway stays readable with /takeaways only.</summary>
    public static readonly TimeSpan RetryFor = TimeSpan.FromDays(7);

    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        foreach (var sessionId in await takeaways.ListSessionsWithHeldAsync(cancellationToken))
            await ForSessionAsync(sessionId, (s, p) => reveal.RevealIfDueAsync(s, p, cancellationToken), cancellationToken);
        foreach (var sessionId in await takeaways.ListSessionsUndeliveredAsync(time.GetUtcNow() - RetryFor, cancellationToken))
            await ForSessionAsync(sessionId, (s, p) => reveal.DeliverAsync(s, p, cancellationToken), cancellationToken);
        // A forget whose trail edits were not yet owed when the process stopped: the old text must not stay.
        foreach (var sessionId in await takeaways.ListTrailRefreshesOwedAsync(cancellationToken))
            await ForSessionAsync(sessionId, (s, p) => reveal.RefreshTrailAsync(s, p, cancellationToken), cancellationToken);
    }

    private async Task ForSessionAsync(long sessionId, Func<Session, Pair, Task> work, CancellationToken cancellationToken)
    {
        try
        {
            if (await sessions.GetAsync(sessionId, cancellationToken) is { } session && await pairs.GetAsync(session.PairId, cancellationToken) is { } pair)
                await work(session, pair);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One session's trouble must not hold back the others; the next pass tries again.
            logger.LogError(e, "Revealing the takeaways of session {Session} failed", sessionId);
        }
    }
}
