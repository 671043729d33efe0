using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Hosting;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Storage;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>
/// Runs one step of a session, idempotently: under the session's lock it re-reads the step from the database and does
/// nothing when the step already ended, so a duplicate fire, a recovered job or a reconciler retry never acts twice.
/// A transient Discord failure leaves the step pending for the reconciler to run again.
/// </summary>
public sealed class SessionRunner(
    SessionRepository sessions,
    PairRepository pairs,
    SessionEnder ender,
    SessionPlanner planner,
    RoomOpener opener,
    Outbox outbox,
    SqliteConnectionFactory connections,
    PartnerDeparture departure,
    GuildLanguage languages,
    IClusterLocks locks,
    Guilds.GuildGate guilds,
    SessionMetrics metrics,
    TimeProvider time,
    ILogger<SessionRunner> logger,
    IEnumerable<IPairRecall> recalls,
    EmptyRooms emptyRooms)
{
    public async Task RunAsync(long sessionId, SessionStep step, CancellationToken cancellationToken = default)
    {
        Session? session;
        await using (await locks.AcquireAsync(LockScope.Session, sessionId, cancellationToken))
        {
            session = await sessions.GetAsync(sessionId, cancellationToken);
            if (session is null || await PendingAsync(session, step, cancellationToken) is not { } due)
                return;
            if (await guilds.HoldsAsync(session.GuildId, cancellationToken))
                return; // the server is out or the bot was removed: the step waits, no call draws a 403 or 404
            metrics.StepRan(step, time.GetUtcNow() - due.DueAt);
            var pair = await pairs.GetAsync(session.PairId, cancellationToken);
            if (pair is not { Status: PairStatus.Active })
            {
                await ender.EndWithoutMeetingLockedAsync(session, SessionStatus.Cancelled, announced: false, cancellationToken);
                return;
            }

            var lang = await languages.ForGuildAsync(session.GuildId, cancellationToken);
            await (step switch
            {
                SessionStep.Remind => RemindAsync(session, pair, lang, cancellationToken),
                SessionStep.Prepare => PrepareAsync(session, pair, lang, cancellationToken),
                SessionStep.Open => OpenAsync(session, pair, lang, cancellationToken),
                SessionStep.Warn => WarnAsync(session, lang, cancellationToken),
                _ => ender.CloseLockedAsync(session, pair, roomDeletedByHand: false, cancellationToken),
            });
        }

        // Chained outside the lock: once a session has opened or ended, the pair's next one is planned.
        if (step is SessionStep.Open or SessionStep.Close)
            await planner.PlanNextAsync(session.PairId, cancellationToken);
    }

    /// <returns>The step when it is still to run; null when it ended already (or is dropped now, its session being over).</returns>
    private async Task<SessionStepDue?> PendingAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var due = (await sessions.GetStepsAsync(session.Id, cancellationToken)).FirstOrDefault(s => s.Step == step);
        if (due is not { State: StepState.Pending })
            return null;
        if (!session.IsFinished)
            return due;
        await sessions.EndStepAsync(session.Id, step, StepState.Dropped, time.GetUtcNow(), cancellationToken);
        return null;
    }

    private async Task RemindAsync(Session session, Pair pair, Lang lang, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() >= session.SlotAt)
        {
            await sessions.EndStepAsync(session.Id, SessionStep.Remind, StepState.Dropped, time.GetUtcNow(), cancellationToken);
            return;
        }

        if (await departure.CheckLockedAsync(session, pair, cancellationToken))
            return;
        // The step is done when its reminders are durable: both rows commit with it, or neither does. A reminder not
        // sent by the slot is obsolete; only a reminder may fall back to a bare mention when DMs are closed.
        var recall = await RecallAsync(pair, lang, cancellationToken);
        await using var work = await connections.BeginAsync(cancellationToken);
        await outbox.EnqueueAsync(work, pair.Members.Select(to =>
            Letter.ToPartner(session, NoticeKinds.Remind, to, PairRecall.With(SessionMessages.Reminder(session, pair, to, lang), recall))
                .WithMentionFallback(pair, lang) with { ExpiresAt = session.SlotAt }));
        await sessions.EndStepAsync(work, session.Id, SessionStep.Remind, StepState.Done, time.GetUtcNow());
        await work.CommitAsync(cancellationToken);
    }

    private async Task PrepareAsync(Session session, Pair pair, Lang lang, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() >= session.SlotAt)
        {
            // Too late to prepare ahead: opening makes the room itself, or records the session as missed.
            await sessions.EndStepAsync(session.Id, SessionStep.Prepare, StepState.Dropped, time.GetUtcNow(), cancellationToken);
            return;
        }

        var attempt = session.RoomChannelId is null ? await opener.TryMakeAsync(session, pair, lang, cancellationToken) : RoomAttempt.Made;
        if (attempt.Result == RoomResult.PartnerLeft)
            return; // the session ended with the pair's suspension
        // A server manager can grant a permission before the slot, so the partners hear of it now; opening tries once
        // more and tells them, for any refusal, if it fails again.
        await using var work = await connections.BeginAsync(cancellationToken);
        if (attempt.Result is RoomResult.MissingPermissions or RoomResult.NotPrivate)
            await outbox.EnqueueAsync(work, RoomNotCreated(session, pair, attempt.Explanation!, lang));
        await sessions.EndStepAsync(work, session.Id, SessionStep.Prepare, attempt.Result == RoomResult.Made ? StepState.Done : StepState.Failed, time.GetUtcNow());
        await work.CommitAsync(cancellationToken);
    }

    private async Task OpenAsync(Session session, Pair pair, Lang lang, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() >= session.EndsAt)
        {
            // Never opened in time (the bot was down, Discord was out): recorded as missed, never opened late.
            await ender.EndWithoutMeetingLockedAsync(session, SessionStatus.Missed, announced: false, cancellationToken);
            return;
        }

        if (session.RoomChannelId is null && await opener.TryMakeAsync(session, pair, lang, cancellationToken) is { Result: not RoomResult.Made } attempt)
        {
            // No later step tries again: the session is marked failed, and the partners told why in the same message.
            if (attempt.Result != RoomResult.PartnerLeft)
                await ender.FailLockedAsync(session, pair, attempt.Explanation!, cancellationToken);
            return;
        }

        session = (await sessions.GetAsync(session.Id, cancellationToken))!;
        var recall = await RecallAsync(pair, lang, cancellationToken);
        await using (var work = await connections.BeginAsync(cancellationToken))
        {
            await outbox.EnqueueAsync(work, Letter.InRoom(session, session.RoomChannelId!.Value, NoticeKinds.Welcome,
                PairRecall.With(SessionMessages.Welcome(session, pair, lang), recall)));
            await sessions.SetStatusAsync(work, session.Id, SessionStatus.Open);
            await sessions.EndStepAsync(work, session.Id, SessionStep.Open, StepState.Done, time.GetUtcNow());
            await work.CommitAsync(cancellationToken);
        }
        logger.LogInformation("Session {Session} opened in room {Room}", session.Id, session.RoomChannelId);
    }

    private async Task WarnAsync(Session session, Lang lang, CancellationToken cancellationToken)
    {
        // Nobody in the room to read it: not posted (a request saved), and the step dropped, as a stale one is.
        var unread = time.GetUtcNow() - session.EndsAt > SessionEnder.StaleWarning ||
                     (session.RoomChannelId is { } where && await emptyRooms.IsSurelyEmptyAsync(session, where, cancellationToken));
        await using var work = await connections.BeginAsync(cancellationToken);
        if (session.Status == SessionStatus.Open && session.RoomChannelId is { } room && !unread)
            await outbox.EnqueueAsync(work, Letter.InRoom(session, room, NoticeKinds.Warn, SessionMessages.Warning(session, lang)));
        await sessions.EndStepAsync(work, session.Id, SessionStep.Warn, unread || session.Status != SessionStatus.Open ? StepState.Dropped : StepState.Done,
            time.GetUtcNow());
        await work.CommitAsync(cancellationToken);
    }

    private static IEnumerable<Letter> RoomNotCreated(Session session, Pair pair, string explanation, Lang lang) =>
        SessionNotifier.ToBoth(session, pair, NoticeKinds.RoomPermissions, to => MessageSpec.Text(SessionTexts.RoomNotCreated.Format(
            lang, Markdown.Name(pair.NameOf(pair.PartnerOf(to))), Timestamps.Of(session.SlotAt, 't'), explanation)));

    /// <summary>"Last time: …" (continuity); a failure to read it never holds back the reminder or the welcome.</summary>
    private async Task<string?> RecallAsync(Pair pair, Lang lang, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var recall in recalls)
                if (await recall.LastTimeAsync(pair, lang, cancellationToken) is { } line)
                    return line;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not recall the last takeaways of pair {Pair}: {Reason}", pair.Id, e.Message);
        }

        return null;
    }
}
