using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Progress;

/// <summary>
/// The rounds' safety net and clock: asks the question for rounds that ended without it (a session recorded as
/// missed while the bot was down, a message Discord did not take), finishes a move to the next round that a crash
/// interrupted, and pauses the ritual of pairs that left the question unanswered for a week.
/// </summary>
public sealed class RoundReconciler(PairRepository pairs, RoundRepository rounds, RoundKeeper keeper, RoundDecisions decisions, TimeProvider time,
    ILogger<RoundReconciler> logger) : IReconcilable
{
    private readonly ReconcilerWindow _window = new(time);

    /// <summary>Pairs whose round could not be settled at the last pass: retried at the next, although nothing changed for them.</summary>
    private IReadOnlyList<long> _failed = [];

    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        // Only pairs whose round may be over, and of those only the ones a session ending touched since the last pass
        // (or whose question's week just ran out); every pair with a round over once a day.
        var pass = _window.Begin();
        var candidates = await rounds.ListPairsWithRoundOverAsync(pass.Since, pass.Since - RoundDecisions.AnswerWindow, pass.Now - RoundDecisions.AnswerWindow,
            cancellationToken);
        var failed = new List<long>();
        foreach (var pairId in candidates.Union(_failed))
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
                failed.Add(pairId);
            }
        }

        _failed = failed;
        _window.Completed(pass);
    }
}
