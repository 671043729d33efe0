using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;

namespace CrossCoaching.Progress;

/// <summary>
/// Continue / Keep going, stop asking / Stop at a round's end. Only the two partners may answer, once each, and only for the round in progress:
/// a stale message, a second press or a stranger gets a short ephemeral refusal.
/// </summary>
public sealed class RoundButtons(
    PairRepository pairs, RoundRepository rounds, RoundKeeper keeper, RoundDecisions decisions, QuietRounds quiet, TimeProvider time)
    : IComponentHandler
{
    public string Prefix => RoundMessages.Prefix;

    public async Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var keepGoing = id.Arg(0) == RoundMessages.KeepGoing;
        RoundAnswer? answer = id.Arg(0) switch { "continue" or RoundMessages.KeepGoing => RoundAnswer.Continue, "stop" => RoundAnswer.Stop, _ => null };
        var pair = id.LongArg(1) is { } pairId ? await pairs.GetAsync(pairId, cancellationToken) : null;
        if (answer is not { } chosen || pair is null || id.LongArg(2) is not { } round || !pair.Has(me))
            throw new UserErrorException(context.Text(CommonTexts.NotForYou));
        if (pair.Status != PairStatus.Active)
            throw new UserErrorException(context.Text(pair.Status == PairStatus.Ended ? ProgressTexts.PairEnded : PairTexts.Suspended));
        var state = await keeper.StateAsync(pair, cancellationToken);
        if (round != pair.RoundNumber || !state.IsOver)
            throw new UserErrorException(context.Text(ProgressTexts.RoundSettled));
        if (!await rounds.AnswerAsync(pair.Id, pair.RoundNumber, me, chosen, time.GetUtcNow(), cancellationToken))
        {
            var earlier = (await rounds.AnswersAsync(pair.Id, pair.RoundNumber, cancellationToken)).GetValueOrDefault(me);
            throw new UserErrorException(context.Text(earlier == RoundAnswer.Stop ? ProgressTexts.AlreadyStopped : ProgressTexts.AlreadyContinued));
        }

        // Stored before the round can move on, so that the next round's end already finds the pair quiet.
        if (keepGoing)
            await quiet.StopAskingAsync(pair.Id, pair.RoundNumber, time.GetUtcNow(), cancellationToken);
        var partner = Markdown.Name(pair.NameOf(pair.PartnerOf(me)));
        if (chosen == RoundAnswer.Stop)
        {
            await AnswerAsync(context, context.Text(ProgressTexts.ChoseStop, pair.RoundNumber, partner), cancellationToken);
            await decisions.EndAsync(state, me, cancellationToken);
            return;
        }

        state = await keeper.StateAsync(pair, cancellationToken); // with both answers, if the partner's came first
        if (!state.BothContinue)
        {
            await AnswerAsync(context, context.Text(ProgressTexts.ChoseContinueWaiting, pair.RoundNumber, partner) + KeepNote(context, keepGoing), cancellationToken);
            return;
        }

        await AnswerAsync(context, context.Text(ProgressTexts.ChoseContinueBoth, pair.RoundNumber, partner, pair.RoundNumber + 1) + KeepNote(context, keepGoing), cancellationToken);
        await decisions.StartNextRoundAsync(state, cancellationToken);
    }

    private static string KeepNote(InteractionContext context, bool keepGoing) => keepGoing ? "\n" + context.Text(ProgressTexts.NoMoreQuestions) : "";

    /// <summary>The buttons go from the message that held them: each partner answers once.</summary>
    private static Task AnswerAsync(InteractionContext context, string text, CancellationToken cancellationToken) =>
        context.UpdateMessageAsync(MessageSpec.Text(text) with { Components = [] }, cancellationToken);
}
