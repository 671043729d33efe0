using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Takeaways;

/// <summary>
/// <c>/takeaway [text] [visibility]</c>: records the invoker's takeaway for their pair's latest session; without
/// <c>text</c> it opens the form.
/// </summary>
public sealed class TakeawayCommand(
    PairRepository pairs,
    TakeawaySessions history,
    TakeawayRepository takeaways,
    TakeawaySubmission submission,
    IOptions<TakeawayOptions> options) : ISlashCommand
{
    public CommandDefinition Definition { get; } = new(
        "takeaway", TakeawayTexts.TakeawayDescription.En,
        [
            // Discord enforces the lengths in its own client; the handler checks again for anything else that calls.
            new(CommandOptionType.String, "text", TakeawayTexts.TextOption.En, MinLength: 1, MaxLength: options.Value.MaxLength,
                NameLocalizations: Localizations.French("texte"), DescriptionLocalizations: TakeawayTexts.TextOption.ToLocalizations()),
            new(CommandOptionType.String, "visibility", TakeawayTexts.VisibilityOption.En,
                Choices:
                [
                    new(TakeawayTexts.ChoicePublic.En, "public", TakeawayTexts.ChoicePublic.ToLocalizations()),
                    new(TakeawayTexts.ChoicePair.En, "pair", TakeawayTexts.ChoicePair.ToLocalizations()),
                    new(TakeawayTexts.ChoicePrivate.En, "private", TakeawayTexts.ChoicePrivate.ToLocalizations()),
                ],
                NameLocalizations: Localizations.French("visibilité"), DescriptionLocalizations: TakeawayTexts.VisibilityOption.ToLocalizations()),
        ],
        NameLocalizations: Localizations.French("enseignement"),
        DescriptionLocalizations: TakeawayTexts.TakeawayDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var i = context.Interaction;
        var text = i.GetString("text") is { } written ? submission.RequireValidText(context, written) : null;
        var visibility = TakeawayCodes.ParseVisibility(i.GetString("visibility")) ?? throw new UserErrorException(context.Text(TakeawayTexts.UnknownVisibility));
        // A pair that has ended still owes its last takeaways: without a current pair, the last one ended is meant.
        var pair = await pairs.FindCurrentAsync(context.GuildId, i.User.Id, cancellationToken)
            ?? await pairs.FindLastEndedAsync(context.GuildId, i.User.Id, cancellationToken)
            ?? throw new UserErrorException(context.Text(PairTexts.NoPair));
        var session = await history.LatestAsync(pair.Id, cancellationToken) ?? throw new UserErrorException(context.Text(TakeawayTexts.NoSession));
        TakeawaySubmission.RequireAttended(context, session);
        if (text is not null)
        {
            await submission.SubmitAsync(context, session, pair, text, visibility, cancellationToken);
            return;
        }

        // Only reads before the form, which must be the first answer (WAL reads never wait on a writer).
        var held = await takeaways.FindAsync(session.Id, i.User.Id, cancellationToken);
        if (held is { IsRevealed: true })
            throw new UserErrorException(context.Text(TakeawayTexts.AlreadyShared));
        await context.ShowModalAsync(TakeawayModal.For(session.Id, visibility, submission.MaxLength, context.Lang, held?.Text), cancellationToken);
    }
}
