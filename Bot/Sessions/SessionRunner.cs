using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Setup;
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
    RoomService rooms,
    SessionNotifier notifier,
    SessionOutbox outbox,
    PartnerDeparture departure,
    GuildLanguage languages,
    KeyedLock<long> locks,
    TimeProvider time,
    ILogger<SessionRunner> logger)
{
    public async Task RunAsync(long sessionId, SessionStep step, CancellationToken cancellationToken = default)
    {
        Session? session;
        using (await locks.AcquireAsync(sessionId, cancellationToken))
        {
            session = await sessions.GetAsync(sessionId, cancellationToken);
            if (session is null || !await IsPendingAsync(session, step, cancellationToken))
                return;
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

    private async Task<bool> IsPendingAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var due = (await sessions.GetStepsAsync(session.Id, cancellationToken)).FirstOrDefault(s => s.Step == step);
        if (due is not { State: StepState.Pending })
            return false;
        if (!session.IsFinished)
            return true;
        await sessions.EndStepAsync(session.Id, step, StepState.Dropped, time.GetUtcNow(), cancellationToken);
        return false;
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
        outbox.PostToBoth(session, pair, "remind", to => SessionMessages.Reminder(session, pair, to, lang), lang);
        await sessions.EndStepAsync(session.Id, SessionStep.Remind, StepState.Done, time.GetUtcNow(), cancellationToken);
    }

    private async Task PrepareAsync(Session session, Pair pair, Lang lang, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() >= session.SlotAt)
        {
            // Too late to prepare ahead: opening makes the room itself, or records the session as missed.
            await sessions.EndStepAsync(session.Id, SessionStep.Prepare, StepState.Dropped, time.GetUtcNow(), cancellationToken);
            return;
        }

        var attempt = session.RoomChannelId is null ? await TryCreateRoomAsync(session, pair, lang, cancellationToken) : RoomAttempt.Made;
        if (!attempt.PairSuspended)
            await sessions.EndStepAsync(session.Id, SessionStep.Prepare, attempt.Problem is null ? StepState.Done : StepState.Failed, time.GetUtcNow(), cancellationToken);
    }

    private async Task OpenAsync(Session session, Pair pair, Lang lang, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() >= session.EndsAt)
        {
            // Never opened in time (the bot was down, Discord was out): recorded as missed, never opened late.
            await ender.EndWithoutMeetingLockedAsync(session, SessionStatus.Missed, announced: false, cancellationToken);
            return;
        }

        if (session.RoomChannelId is null && await TryCreateRoomAsync(session, pair, lang, cancellationToken) is { Problem: { } problem } attempt)
        {
            if (!attempt.PairSuspended)
                await ender.FailLockedAsync(session, pair, problem, cancellationToken);
            return;
        }

        session = (await sessions.GetAsync(session.Id, cancellationToken))!;
        await notifier.InRoomOnceAsync(session, session.RoomChannelId!.Value, "welcome", SessionMessages.Welcome(session, pair, lang), cancellationToken);
        await sessions.SetStatusAsync(session.Id, SessionStatus.Open, cancellationToken: cancellationToken);
        await sessions.EndStepAsync(session.Id, SessionStep.Open, StepState.Done, time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Session {Session} opened in room {Room}", session.Id, session.RoomChannelId);
    }

    private async Task WarnAsync(Session session, Lang lang, CancellationToken cancellationToken)
    {
        var stale = time.GetUtcNow() - session.EndsAt > SessionEnder.StaleWarning;
        if (session.Status == SessionStatus.Open && session.RoomChannelId is { } room && !stale)
            await notifier.InRoomOnceAsync(session, room, "warn", SessionMessages.Warning(session, lang), cancellationToken);
        await sessions.EndStepAsync(session.Id, SessionStep.Warn, stale || session.Status != SessionStatus.Open ? StepState.Dropped : StepState.Done,
            time.GetUtcNow(), cancellationToken);
    }

    private sealed record RoomAttempt(string? Problem, bool PairSuspended = false)
    {
        public static readonly RoomAttempt Made = new((string?)null);
    }

    /// <summary>Creates the room; on a refusal, tells both partners why (once) and says so in words.</summary>
    private async Task<RoomAttempt> TryCreateRoomAsync(Session session, Pair pair, Lang lang, CancellationToken cancellationToken)
    {
        var missing = await rooms.MissingRequiredAsync(session.GuildId, cancellationToken);
        if (missing == Permissions.None)
        {
            try
            {
                await rooms.CreateAsync(session, pair, SessionMessages.RoomName(pair, lang), cancellationToken); // recorded there
                return RoomAttempt.Made;
            }
            catch (DiscordApiException e) when (e.Code == DiscordErrorCode.InvalidFormBody)
            {
                // Discord refuses an overwrite for someone who is no longer a member: a partner may have left the guild.
                if (await departure.CheckLockedAsync(session, pair, cancellationToken))
                    return new RoomAttempt(e.Message, PairSuspended: true);
                throw;
            }
            catch (DiscordApiException e) when (e.Code == DiscordErrorCode.MaxGuildChannels)
            {
                logger.LogWarning("Cannot create the room of session {Session}: guild {Guild} has Discord's maximum of channels", session.Id, session.GuildId);
                // Opening tries once more at the slot; if the server is still full, the partners are told why.
                return new RoomAttempt(SessionTexts.GuildFull[lang]);
            }
            catch (DiscordApiException e) when (e.Code is DiscordErrorCode.MissingPermissions or DiscordErrorCode.MissingAccess)
            {
                // The gateway's view said yes but Discord said no (an overwrite we cannot see, a change in flight).
                missing = RoomPermissions.Wanted;
                logger.LogWarning("Discord refused to create the room of session {Session}: {Reason}", session.Id, e.Message);
            }
        }

        var names = PermissionNames.Describe(missing, lang);
        logger.LogWarning("Cannot create the room of session {Session} in guild {Guild}: missing {Permissions}", session.Id, session.GuildId,
            PermissionNames.Describe(missing, Lang.En));
        outbox.PostToBoth(session, pair, "room-permissions", to => MessageSpec.Text(SessionTexts.RoomNotCreated.Format(
            lang, pair.NameOf(pair.PartnerOf(to)), SessionMessages.Timestamp(session.SlotAt, 't'), names)), lang);
        return new RoomAttempt(names);
    }
}
