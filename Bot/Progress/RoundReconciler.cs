using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Progress;

/// <summary>
/// The rounds' safety net and clock: asks the question for rounds that ended without it (a session recorded as
/// missed while the bot was down, a message Discord did not take), finishes a move to the next round that a crash
/// interrupted, and pauses the ritual of pairs that left the question unanswered for a week.
/// </summary>
public sealed class RoundReconciler(PairRepository pairs, RoundRepository rounds, RoundKeeper keeper, RoundDecisions decisions, ILogger<RoundReconciler> logger)
    : IReconcilable
{
    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        // Only pairs whose round may be over: reading every active pair's sessions would cost the number of pairs.
        foreach (var pairId in await rounds.ListPairsWithRoundOverAsync(cancellationToken))
        {
            try
            {
                if (await pairs.GetAsync(pairId, cancellationToken) is not { Status: PairStatus.Active } pair)
                    continue;
                var state = await keeper.StateAsync(pair, cancellationToken);
                if (!state.IsOver)
                    continue;
                if (state.BothContinue)
                {
                    await decisions.StartNextRoundAsync(state, cancellationToken);
                    continue;
                }

                await keeper.AskIfOverAsync(state, cancellationToken);
                await decisions.PauseIfSilentAsync(state, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not settle the round of pair {Pair} ({Reason}); the next pass retries", pairId, e.Message);
            }
        }
    }
}
