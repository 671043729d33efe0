using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Sessions;

namespace CrossCoaching.Takeaways;

/// <summary>
/// "Share my takeaway" (in the after-session DM) opens the form; the form's submission saves the takeaway; the
/// visibility buttons of the confirmation change who will read a held takeaway. Only the session's partners may.
/// </summary>
public sealed class TakeawayButtons(TakeawaySubmission submission, TakeawayRepository takeaways, TimeProvider time) : IComponentHandler
{
    public string Prefix => SessionMessages.TakeawayPrefix;

    public async Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default)
    {
        switch (id.Arg(0))
        {
            case "share":
                await OpenFormAsync(context, id.LongArg(1), cancellationToken);
                break;
            case "modal":
                // The text is checked first: an over-long one is refused before anything is looked up or stored.
                var text = submission.RequireValidText(context, context.Interaction.GetField(TakeawayModal.TextField));
                var visibility = RequireVisibility(context, id);
                var (session, pair) = await submission.RequireSessionAsync(context, id.LongArg(1), cancellationToken);
                await submission.SubmitAsync(context, session, pair, text, visibility, cancellationToken);
                break;
            case "visibility":
                await ChangeVisibilityAsync(context, id, cancellationToken);
                break;
            default:
                throw new UserErrorException(context.Text(CommonTexts.Expired));
        }
    }

    /// <summary>
    /// A modal must be the first answer: only reads happen before it (they never wait on a writer in WAL mode), so
    /// that a stranger or a revealed takeaway is refused before anyone types.
    /// </summary>
    private async Task OpenFormAsync(InteractionContext context, long? sessionId, CancellationToken cancellationToken)
    {
        var (session, _) = await submission.RequireSessionAsync(context, sessionId, cancellationToken);
        var held = await takeaways.FindAsync(session.Id, context.Interaction.User.Id, cancellationToken);
        if (held is { IsRevealed: true })
            throw new UserErrorException(context.Text(TakeawayTexts.AlreadyShared));
        await context.ShowModalAsync(
            TakeawayModal.For(session.Id, held?.Visibility ?? TakeawayVisibility.Public, submission.MaxLength, context.Lang, held?.Text), cancellationToken);
    }

    private async Task ChangeVisibilityAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken)
    {
        var visibility = RequireVisibility(context, id);
        var (session, pair) = await submission.RequireSessionAsync(context, id.LongArg(1), cancellationToken);
        if (!await takeaways.SetVisibilityAsync(session.Id, context.Interaction.User.Id, visibility, time.GetUtcNow(), cancellationToken))
            throw new UserErrorException(context.Text(TakeawayTexts.AlreadyShared));
        await context.UpdateMessageAsync(
            await submission.ConfirmationAsync(context, session, pair, context.Text(TakeawayTexts.Saved), cancellationToken), cancellationToken);
    }

    /// <summary>A custom id always names the visibility; a missing or unknown one (a forged id) is refused.</summary>
    private static TakeawayVisibility RequireVisibility(InteractionContext context, ComponentId id) =>
        TakeawayCodes.ParseVisibility(id.Arg(2)) ?? throw new UserErrorException(context.Text(TakeawayTexts.UnknownVisibility));
}
