using CrossCoaching.Localization;

namespace CrossCoaching.Pool;

/// <summary>The pool's line in managers' <c>/stats</c>.</summary>
public static class PoolStatsText
{
    /// <returns>Null for a server whose pool was never used: no line of zeros for a feature nobody there touched.</returns>
    public static string? Render(PoolStats stats, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(stats);
        if (stats is { Waiting: 0, Proposed: 0, Accepted: 0, Declined: 0, Expired: 0 })
            return null;
        var proposed = stats.Proposed + stats.Accepted + stats.Declined + stats.Expired;
        return ProposalTexts.Stats.Format(lang, stats.Waiting, proposed, stats.Proposed, stats.Accepted, stats.Declined, stats.Expired);
    }
}
