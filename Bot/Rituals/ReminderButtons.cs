using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Rituals;

/// <summary>
/// The reminder's buttons: "Skip this one" (an announced skip: the streak is kept) and "Running late" — the partner is
/// told at once, once.
/// </summary>
public sealed class ReminderButtons(
    SessionRepository sessions,
    PairRepository pairs,
    SessionSkipper skipper,
    NoticeRepository notices,
    RitualChanges changes,
    TimeProvider time) : IComponentHandler
{
    public string Prefix => SessionMessages.ButtonPrefix;

    public async Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var session = id.LongArg(1) is { } sessionId ? await sessions.GetAsync(sessionId, cancellationToken) : null;
        var pair = session is null ? null : await pairs.GetAsync(session.PairId, cancellationToken);
        if (session is null || pair is null || !pair.Has(me))
            throw new UserErrorException(context.Text(CommonTexts.NotForYou));
        if (session.IsFinished || pair.Status == PairStatus.Ended)
            throw new UserErrorException(context.Text(SessionTexts.ReminderOver));
        if (pair.Status == PairStatus.Suspended)
            throw new UserErrorException(context.Text(PairTexts.Suspended));

        string outcome;
        if (id.Arg(0) == "skip")
        {
            outcome = await skipper.SkipNextAsync(pair, me, session.Id, context.Lang, cancellationToken);
        }
        else
        {
            if (await notices.TryClaimAsync(session.Id, me, "late", time.GetUtcNow(), cancellationToken))
                await changes.TellPartnerAsync(pair, me, lang => SessionTexts.PartnerLate.Format(lang, pair.NameOf(me)), cancellationToken);
            outcome = context.Text(SessionTexts.LateSent);
        }

        // The buttons go: each acts once. The reminder's text stays, with what was done below it.
        var reminder = SessionMessages.Reminder(session, pair, me, context.Lang);
        await context.UpdateMessageAsync(reminder with { Content = reminder.Content + "\n\n" + outcome, Components = [] }, cancellationToken);
    }
}
