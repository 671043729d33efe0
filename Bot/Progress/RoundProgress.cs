using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Progress;

/// <summary>
/// Where a pair stands in its current round. A round is <see cref="Length"/> ritual sessions that came to their slot
/// — held, partial or missed all count, so a pair that stopped showing up still reaches the question "go on?" —
/// from <see cref="Pair.RoundStartedAt"/> on. Skipped, cancelled and failed sessions do not count, nor do impromptu
/// ones: the round measures the ritual.
/// </summary>
public sealed record RoundProgress(int Round, int Length, IReadOnlyList<Session> Counted)
{
    public int Done => Math.Min(Counted.Count, Length);

    public bool IsComplete => Counted.Count >= Length;

    /// <summary>The session that completed the round; null while it runs.</summary>
    public Session? LastOfRound => IsComplete ? Counted[Length - 1] : null;

    public static RoundProgress Of(Pair pair, IEnumerable<Session> sessions, int length) => new(
        pair.RoundNumber,
        Math.Max(1, length),
        [.. sessions.Where(s => Counts(s) && s.SlotAt >= pair.RoundStartedAt).OrderBy(s => s.SlotAt)]);

    public static bool Counts(Session session) =>
        session is { Kind: SessionKind.Ritual, Status: SessionStatus.Closed or SessionStatus.Missed };

    /// <summary>
    /// When the round after the one <paramref name="last"/> completed begins: just after that session's slot, so that
    /// a session held while the partners were still answering counts towards the new round.
    /// </summary>
    public static DateTimeOffset NextRoundStart(Session last) => last.SlotAt.AddSeconds(1);
}
