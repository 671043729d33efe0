using CrossCoaching.Pairs;

namespace CrossCoaching.Sessions;

/// <summary>The one place that ends all of a pair's sessions, for every way a pair ends.</summary>
public sealed class PairSessions(SessionRepository sessions, SessionEnder ender) : IPairSessions
{
    public async Task EndAllAsync(long pairId, CancellationToken cancellationToken = default)
    {
        foreach (var session in await sessions.ListUnfinishedForPairAsync(pairId, cancellationToken))
        {
            if (session.Status == SessionStatus.Open)
                await ender.CloseAsync(session.Id, roomDeletedByHand: false, cancellationToken);
            else
                await ender.CancelAsync(session.Id, SessionStatus.Cancelled, announced: false, cancellationToken);
        }
    }
}
