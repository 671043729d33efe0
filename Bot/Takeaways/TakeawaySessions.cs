using CrossCoaching.Sessions;

namespace CrossCoaching.Takeaways;

/// <summary>Which sessions a takeaway can belong to, their number in the pair's history, and their reveal deadline.</summary>
public sealed class TakeawaySessions(SessionRepository sessions, TimeProvider time)
{
    /// <summary>A held takeaway is revealed alone this long after its session ended, if the partner has not shared.</summary>
    public static readonly TimeSpan RevealWait = TimeSpan.FromHours(24);

    /// <summary>A session that took place (held or not) counts in the pair's history.</summary>
    public static bool TookPlace(Session session) => session.Status is SessionStatus.Closed or SessionStatus.Missed;

    /// <summary>A takeaway belongs to a session whose slot has passed and that was not skipped, cancelled or failed.</summary>
    public static bool CanHoldTakeaways(Session session, DateTimeOffset now) =>
        session.SlotAt <= now && session.Status is SessionStatus.Open or SessionStatus.Closed or SessionStatus.Missed;

    /// <summary>
    /// Someone came: the room is open (who joins is not known yet), or it closed with one partner there at least. A
    /// session nobody attended has nothing to take away.
    /// </summary>
    public static bool WasAttended(Session session) =>
        session is { Status: SessionStatus.Open } or { Status: SessionStatus.Closed, Outcome: SessionOutcome.Held or SessionOutcome.Partial };

    /// <summary>24 hours after the session ended; for a session still open, after its planned close.</summary>
    public static DateTimeOffset RevealDeadline(Session session) => (session.ClosedAt ?? session.CloseAt) + RevealWait;

    /// <summary>The pair's latest session a takeaway can belong to, or null when none took place yet.</summary>
    public async Task<Session?> LatestAsync(long pairId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return (await sessions.ListForPairAsync(pairId, cancellationToken)).LastOrDefault(s => CanHoldTakeaways(s, now));
    }

    public async Task<int> NumberAsync(Session session, CancellationToken cancellationToken = default) =>
        Numbers(await sessions.ListForPairAsync(session.PairId, cancellationToken))[session.Id];

    /// <summary>
    /// Each session's number in the pair's history (sessions in slot order): the sessions that took place count 1, 2,
    /// 3…; one that did not (still open) takes the number the next one would.
    /// </summary>
    public static IReadOnlyDictionary<long, int> Numbers(IReadOnlyList<Session> inSlotOrder)
    {
        var numbers = new Dictionary<long, int>();
        var count = 0;
        foreach (var session in inSlotOrder.OrderBy(s => s.SlotAt))
            numbers[session.Id] = TookPlace(session) ? ++count : count + 1;
        return numbers;
    }
}
