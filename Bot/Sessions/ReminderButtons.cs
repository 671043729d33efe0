using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Hosting;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Storage;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>
/// The reminder's buttons: "Skip this one" (an announced skip: the streak is kept) and "Running late" — the partner is
/// told at once, once.
/// </summary>
public sealed class ReminderButtons(
    SessionRepository sessions,
    PairRepository pairs,
    SessionSkipper skipper,
    NoticeRepository notices,
    PairNotices partners,
    TimeProvider time,
    IClusterLocks locks,
    ILogger<ReminderButtons> logger) : IComponentHandler
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
            await TellLateOnceAsync(context, pair, session, cancellationToken);
            outcome = context.Text(SessionTexts.LateSent);
        }

        // The buttons go: each acts once. The reminder's text stays, with what was done below it.
        var reminder = SessionMessages.Reminder(session, pair, me, context.Lang);
        await context.UpdateMessageAsync(reminder with { Content = reminder.Content + "\n\n" + outcome, Components = [] }, cancellationToken);
    }

    /// <summary>
    /// Tells the partner once per session. The notice is claimed before sending, so a double press tells once; it is
    /// given back when the partner could not be reached, so that the next press tries again instead of answering
    /// "your partner knows" to someone whose partner was never told.
    /// </summary>
    private async Task TellLateOnceAsync(InteractionContext context, Pair pair, Session session, CancellationToken cancellationToken)
    {
        var me = context.Interaction.User.Id;
        // A second press of "Running late" (on any instance) waits for the first one's outcome instead of reading its
        // claim as "told".
        await using var _ = await locks.AcquireAsync(LockScope.LateNotice, LockKeys.Of(session.Id, (long)me.Value), cancellationToken);
        if (!await notices.TryClaimAsync(session.Id, me, NoticeKinds.Late, time.GetUtcNow(), cancellationToken))
            return;

        var told = false;
        try
        {
            await partners.TellPartnerAsync(pair, me, lang => SessionTexts.PartnerLate.Format(lang, Markdown.Name(pair.NameOf(me))), cancellationToken);
            told = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not tell the partner of {User} in session {Session} that they run late: {Reason}", me, session.Id, e.Message);
        }
        finally
        {
            if (!told)
                await notices.ReleaseAsync(session.Id, me, NoticeKinds.Late, CancellationToken.None);
        }

        // The buttons stay on the reminder (no update), so pressing again later is the retry.
        if (!told)
            throw new UserErrorException(context.Text(SessionTexts.LateNotSent));
    }
}
