using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Hosting;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Sessions;

/// <summary>
/// Every way a session ends — closed after its time-box, missed, skipped, cancelled, failed — each leaving no room
/// behind and no trigger armed. The public methods take the session's lock; the <c>…Locked</c> ones are for callers
/// that already hold it (the runner).
/// </summary>
public sealed class SessionEnder(
    SessionRepository sessions,
    PairRepository pairs,
    AttendanceRepository attendance,
    RoomService rooms,
    IDiscordApi api,
    Outbox outbox,
    SqliteConnectionFactory connections,
    GuildLanguage languages,
    SessionScheduler scheduler,
    IServiceProvider services,
    IClusterLocks locks,
    IOptions<SessionOptions> options,
    SessionMetrics metrics,
    TimeProvider time,
    ILogger<SessionEnder> logger,
    EmptyRooms emptyRooms)
{
    /// <summary>A warning later than this after the time-box ended is no longer worth posting.</summary>
    public static readonly TimeSpan StaleWarning = TimeSpan.FromMinutes(2);

    public async Task CloseAsync(long sessionId, bool roomDeletedByHand, CancellationToken cancellationToken = default)
    {
        await using var _ = await locks.AcquireAsync(LockScope.Session, sessionId, cancellationToken);
        if (await sessions.GetAsync(sessionId, cancellationToken) is { IsFinished: false } session &&
            await pairs.GetAsync(session.PairId, cancellationToken) is { } pair)
            await CloseLockedAsync(session, pair, roomDeletedByHand, cancellationToken);
    }

    public async Task CancelAsync(long sessionId, SessionStatus status, bool announced, CancellationToken cancellationToken = default)
    {
        await using var _ = await locks.AcquireAsync(LockScope.Session, sessionId, cancellationToken);
        if (await sessions.GetAsync(sessionId, cancellationToken) is { IsFinished: false } session)
            await EndWithoutMeetingLockedAsync(session, status, announced, cancellationToken);
    }

    public async Task CloseLockedAsync(Session session, Pair pair, bool roomDeletedByHand, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lang = await languages.ForGuildAsync(session.GuildId, cancellationToken);
        var wasOpen = session.Status == SessionStatus.Open;
        var steps = await sessions.GetStepsAsync(session.Id, cancellationToken);
        // With no grace the warning and the close are due together: the warning goes first, while the room exists, and
        // only to a room someone is in.
        if (wasOpen && !roomDeletedByHand && session.RoomChannelId is { } room && now - session.EndsAt < StaleWarning &&
            steps.Any(s => s.Step == SessionStep.Warn && s.State == StepState.Pending) && !await emptyRooms.IsSurelyEmptyAsync(session, room, cancellationToken))
        {
            await PostLastWarningAsync(session, room, lang, cancellationToken);
            await sessions.EndStepAsync(session.Id, SessionStep.Warn, StepState.Done, now, cancellationToken);
        }

        await RemoveRoomAsync(session, alreadyGone: roomDeletedByHand, cancellationToken);
        await attendance.LeaveAllAsync(session.Id, now, cancellationToken);
        var stays = await attendance.ListAsync(session.Id, cancellationToken);
        var outcome = wasOpen ? Attendance.OutcomeOf(stays, pair.MemberA, pair.MemberB, now, HeldTogether(session)) : SessionOutcome.Missed;
        // "Thank you, share your takeaway" is for who came: a partner who never joined is not thanked for it.
        var came = pair.Members.Where(m => stays.Any(s => s.UserId == m)).ToList();
        // Closed and owing "share your takeaway" in one commit: a crash after it still sends them, before it closes again.
        await using (var work = await connections.BeginAsync(cancellationToken))
        {
            if (await sessions.SetStatusAsync(work, session.Id, SessionStatus.Closed, outcome, closedAt: now))
                work.AfterCommit(() => metrics.Ended(outcome.Code()));
            await sessions.EndStepAsync(work, session.Id, SessionStep.Close, StepState.Done, now);
            if (wasOpen)
                await outbox.EnqueueAsync(work, came.Select(to =>
                    Letter.ToPartner(session, NoticeKinds.After, to, SessionMessages.AfterSession(session, pair, to, lang, roomDeletedByHand))));
            // A room deleted by hand is news to a partner who had not come yet, without the thanks.
            if (wasOpen && roomDeletedByHand)
                await outbox.EnqueueAsync(work, pair.Members.Except(came).Select(to =>
                    Letter.ToPartner(session, NoticeKinds.After, to, SessionMessages.RoomDeleted(pair, to, lang))));
            await work.CommitAsync(cancellationToken);
        }

        await FinishStepsAsync(session.Id, now, cancellationToken);
        logger.LogInformation("Session {Session} closed: {Outcome}", session.Id, outcome);

        var closed = (await sessions.GetAsync(session.Id, cancellationToken))!;
        foreach (var handler in services.GetServices<ISessionClosedHandler>())
            await handler.OnClosedAsync(closed, pair, cancellationToken);
    }

    /// <summary>Missed (the slot passed while nothing could open it), skipped or cancelled: no meeting took place.</summary>
    public async Task EndWithoutMeetingLockedAsync(Session session, SessionStatus status, bool announced, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await RemoveRoomAsync(session, alreadyGone: false, cancellationToken);
        SessionOutcome? outcome = status switch
        {
            SessionStatus.Skipped => SessionOutcome.Skipped,
            SessionStatus.Missed => SessionOutcome.Missed,
            _ => null,
        };
        if (await sessions.SetStatusAsync(session.Id, status, outcome, closedAt: now, skipAnnounced: status == SessionStatus.Skipped ? announced : null,
            cancellationToken: cancellationToken))
            metrics.Ended(status.Code());
        await FinishStepsAsync(session.Id, now, cancellationToken);
        logger.LogInformation("Session {Session} ended without meeting: {Status}", session.Id, status);
    }

    /// <summary>The room could not be made: the session is marked failed and both partners are told why.</summary>
    public async Task FailLockedAsync(Session session, Pair pair, string reason, CancellationToken cancellationToken)
    {
        var lang = await languages.ForGuildAsync(session.GuildId, cancellationToken);
        await RemoveRoomAsync(session, alreadyGone: false, cancellationToken);
        await using (var work = await connections.BeginAsync(cancellationToken))
        {
            if (await sessions.SetStatusAsync(work, session.Id, SessionStatus.Failed, failure: reason, closedAt: time.GetUtcNow()))
                work.AfterCommit(() => metrics.Ended(SessionStatus.Failed.Code()));
            await outbox.EnqueueAsync(work, SessionNotifier.ToBoth(session, pair, NoticeKinds.Failed,
                to => MessageSpec.Text(SessionTexts.SessionFailed.Format(lang, Markdown.Name(pair.NameOf(pair.PartnerOf(to))), reason))));
            await work.CommitAsync(cancellationToken);
        }

        await FinishStepsAsync(session.Id, time.GetUtcNow(), cancellationToken);
        logger.LogWarning("Session {Session} failed: {Reason}", session.Id, reason);
    }

    /// <summary>
    /// The time-box warning due with the close itself (no grace) is posted here, directly, because the room is deleted
    /// right after: an outbox row would only find it gone. Best effort: the session closes whatever Discord says.
    /// </summary>
    private async Task PostLastWarningAsync(Session session, Snowflake room, Localization.Lang lang, CancellationToken cancellationToken)
    {
        try
        {
            await api.CreateMessageOnceAsync(room, SessionMessages.Warning(session, lang), $"warn{session.Id}", cancellationToken);
        }
        catch (DiscordException e)
        {
            logger.LogWarning("Could not post the last warning of session {Session} in room {Room}: {Reason}", session.Id, room, e.GetType().Name);
        }
    }

    private async Task RemoveRoomAsync(Session session, bool alreadyGone, CancellationToken cancellationToken)
    {
        if (session.RoomChannelId is not { } room)
            return;
        try
        {
            if (!alreadyGone)
                await rooms.DeleteAsync(session.GuildId, room, session.RoomParentId, $"CrossCoaching session {session.Id} ended", cancellationToken);
            await sessions.SetRoomAsync(session.Id, null, null, cancellationToken);
        }
        catch (DiscordException e)
        {
            // The session still ends; the reconciler keeps trying to delete the room it remembers.
            logger.LogWarning("Could not delete room {Room} of session {Session} yet: {Reason}", room, session.Id, e.Message);
        }
    }

    private async Task FinishStepsAsync(long sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await sessions.DropPendingStepsAsync(sessionId, now, cancellationToken);
        await scheduler.DisarmAsync(sessionId, cancellationToken);
    }

    private TimeSpan HeldTogether(Session session) =>
        TimeSpan.FromMinutes(Math.Min(options.Value.HeldTogetherMinutes, session.DurationMinutes / 2.0));
}
