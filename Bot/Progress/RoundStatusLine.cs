using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;

namespace CrossCoaching.Progress;

/// <summary>The round's progress under <c>/ritual show</c>: "Round 2: 3/4 sessions".</summary>
public sealed class RoundStatusLine(RoundKeeper keeper) : IRitualStatusLine
{
    public async Task<string?> LineAsync(Pair pair, Lang lang, CancellationToken cancellationToken = default) =>
        StatsReport.RoundLine(await keeper.StateAsync(pair, cancellationToken), lang);
}
