using CrossCoaching.Localization;

namespace CrossCoaching.Pool;

/// <summary>The pool's line in managers' <c>/stats</c>.</summary>
public static class PoolStatsText
{
    public static string Render(PoolStats stats, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var proposed = stats.Proposed + stats.Accepted + stats.Declined + stats.Expired;
        return ProposalTexts.Stats.Format(lang, stats.Waiting, proposed, stats.Proposed, stats.Accepted, stats.Declined, stats.Expired);
    }
}
