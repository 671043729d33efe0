using CrossCoaching.Pairs;
using CrossCoaching.Progress;
using CrossCoaching.Progress.Pictures;
using CrossCoaching.Sessions;

namespace CrossCoaching.Managers;

/// <summary>Why a pair is at risk, the first reason that holds; <see cref="None"/> when it is not.</summary>
public enum PairRisk
{
    None,

    /// <summary>Suspended: a partner left the server.</summary>
    PartnerLeft,

    /// <summary>The last two sessions that came to their slot were both missed (the rule <c>/stats</c> counts).</summary>
    TwoMissed,

    /// <summary>No session held (or partly held) for <see cref="PairHealthRule.QuietWeeks"/> weeks, a paused ritual included.</summary>
    Quiet,
}

/// <summary>How one pair is doing, as a manager sees it in <c>/coaching pairs</c>.</summary>
public sealed record PairHealth(Pair Pair, Session? Last, PictureOutcome? LastOutcome, int Streak, bool HasRitual, bool Paused, PairRisk Risk);

public static class PairHealthRule
{
    /// <summary>A month of silence: a weekly pair has let four slots pass, a monthly one one.</summary>
    public const int QuietWeeks = 4;

    public static PairHealth Of(Pair pair, IReadOnlyList<Session> sessions, bool hasRitual, bool paused, DateTimeOffset now)
    {
        // The last session that came to its slot, coloured as the pictures colour it (a slot lost while the bot was down
        // is the bot's, not the pair's).
        var last = sessions.Where(s => s.SlotAt <= now && PictureOutcomes.OfAny(s) is not null).MaxBy(s => s.SlotAt);
        var streak = PairStatistics.Compute(pair, sessions, new Dictionary<long, IReadOnlyList<Stay>>(), pair.MemberA).CurrentStreak;
        return new PairHealth(pair, last, last is null ? null : PictureOutcomes.OfAny(last), streak, hasRitual, paused, RiskOf(pair, sessions, now));
    }

    private static PairRisk RiskOf(Pair pair, IReadOnlyList<Session> sessions, DateTimeOffset now)
    {
        if (pair.Status == PairStatus.Suspended)
            return PairRisk.PartnerLeft;
        if (PairStatistics.IsAtRisk(sessions))
            return PairRisk.TwoMissed;
        var since = now.AddDays(-7 * QuietWeeks);
        var talked = sessions.Any(s => s.SlotAt >= since && SessionTally.Of(s) is Tally.Held or Tally.Partial);
        // A pair younger than that has not had the time to fall silent.
        return !talked && pair.CreatedAt <= since ? PairRisk.Quiet : PairRisk.None;
    }
}
