using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;

namespace CrossCoaching.Progress;

/// <summary>The round's progress under <c>/ritual show</c>: "Round 2: 3/4 sessions", and whether the question is asked.</summary>
public sealed class RoundStatusLine(RoundKeeper keeper, QuietRounds quiet) : IRitualStatusLine
{
    public async Task<string?> LineAsync(Pair pair, Lang lang, CancellationToken cancellationToken = default)
    {
        var state = await keeper.StateAsync(pair, cancellationToken);
        return !state.IsOver && await quiet.IsQuietAsync(pair.Id, cancellationToken)
            ? ProgressTexts.RoundQuiet.Format(lang, pair.RoundNumber, state.Progress.Done, state.Progress.Length)
            : StatsReport.RoundLine(state, lang);
    }
}
