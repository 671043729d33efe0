using CrossCoaching.Pairs;
using CrossCoaching.Sessions.Scheduling;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Sessions;

/// <summary>
/// Turns a ritual into its next session row with the due time of every step, and arms the triggers. Planning is
/// idempotent: the row of a slot exists once, and arming keeps the triggers already there.
/// </summary>
public sealed class SessionPlanner(
    SessionRepository sessions,
    SessionMoveRepository moves,
    IRitualSource rituals,
    PairRepository pairs,
    SessionScheduler scheduler,
    IOptions<SessionOptions> options,
    Guilds.GuildGate guilds,
    TimeProvider time,
    SlotSpread spread)
{
    /// <summary>Makes sure the pair's next ritual session after now exists and is armed; null when none is due.</summary>
    public async Task<Session?> PlanNextAsync(long pairId, CancellationToken cancellationToken = default)
    {
        var pair = await pairs.GetAsync(pairId, cancellationToken);
        var ritual = await rituals.ForPairAsync(pairId, cancellationToken);
        if (pair is not { Status: PairStatus.Active } || ritual is null || ritual.Paused || await guilds.IsRemovedAsync(pair.GuildId, cancellationToken))
            return null;

        var now = time.GetUtcNow();
        var all = await sessions.ListForPairAsync(pairId, cancellationToken);
        var upcoming = all.FirstOrDefault(s => s.Kind == SessionKind.Ritual && s.Status == SessionStatus.Scheduled && s.SlotAt > now);
        if (upcoming is not null)
        {
            await scheduler.ArmAsync(await sessions.GetStepsAsync(upcoming.Id, cancellationToken), cancellationToken);
            return upcoming;
        }

        // After the latest slot already planned, so a finished or skipped occurrence is never planned again. A skip is
        // tied to the occurrence it was made for: once the ritual changed, a skip of a slot the rule no longer has
        // must not hold back the new rule's occurrences before it. A moved session stands for its original slot too
        // (/ritual move), so that occurrence is not planned again.
        var latest = all.Where(s => s.Kind == SessionKind.Ritual && s.Status != SessionStatus.Cancelled)
            .Where(s => s.Status != SessionStatus.Skipped || s.SlotAt <= now || ritual.IsOccurrence(s.SlotAt))
            .Select(s => s.SlotAt)
            .Concat((await moves.ForPairAsync(pairId, cancellationToken)).Select(m => m.OriginalSlot)).DefaultIfEmpty(now).Max();
        if (ritual.NextSlotAfter(latest > now ? latest : now) is not { } slot)
            return null;
        return await CreateAsync(pair, SessionKind.Ritual, slot, ritual.DurationMinutes, ritual.ReminderMinutes, now, cancellationToken, ritual.Place);
    }

    private async Task<Session> CreateAsync(
        Pair pair, SessionKind kind, DateTimeOffset slot, int durationMinutes, int reminderMinutes, DateTimeOffset now, CancellationToken cancellationToken,
        TalkPlace place = TalkPlace.Discord)
    {
        var o = options.Value;
        var draft = new Session(0, pair.Id, pair.GuildId, kind, slot, durationMinutes, o.GraceMinutes, SessionStatus.Scheduled,
            null, false, null, null, null, now, null) { Place = place };
        var (lead, closeDelay) = await spread.ForAsync(pair.GuildId, slot, draft.CloseAt, cancellationToken);
        var session = await sessions.CreateAsync(draft, Steps(draft, reminderMinutes, lead, now, closeDelay), cancellationToken);
        await scheduler.ArmAsync(await sessions.GetStepsAsync(session.Id, cancellationToken), cancellationToken);
        return session;
    }

    /// <summary>
    /// Rooms due at one slot in one guild are created one after another at Discord's pace, so the n-th needs
    /// n creations' worth of time before the slot, plus a margin.
    /// </summary>
    public static TimeSpan PrepareLead(int roomsAtSlot, SessionOptions o) =>
        TimeSpan.FromSeconds(o.RoomLeadSeconds) + TimeSpan.FromMinutes((double)roomsAtSlot / o.RoomsPerMinute);

    /// <param name="closeDelay">How long after the grace the close is due: a busy slot's closes are spread (<see cref="SlotSpread"/>).</param>
    public static IReadOnlyList<(SessionStep Step, DateTimeOffset DueAt)> Steps(Session s, int reminderMinutes, TimeSpan prepareLead, DateTimeOffset now,
        TimeSpan closeDelay = default)
    {
        var steps = new List<(SessionStep, DateTimeOffset)>();
        // A reminder only makes sense with some time left before the slot; set late, it goes out at once.
        if (reminderMinutes > 0 && s.SlotAt - now > TimeSpan.FromMinutes(1))
            steps.Add((SessionStep.Remind, Max(now, s.SlotAt.AddMinutes(-reminderMinutes))));
        // Outside Discord there is no room to prepare, open or warn in: the close at the end is when the check-in goes.
        if (s.Place.IsOutsideDiscord())
            return [.. steps, (SessionStep.Close, s.CloseAt + closeDelay)];
        steps.Add((SessionStep.Prepare, Max(now, s.SlotAt - prepareLead)));
        steps.Add((SessionStep.Open, s.SlotAt));
        steps.Add((SessionStep.Warn, s.EndsAt));
        steps.Add((SessionStep.Close, s.CloseAt + closeDelay));
        return steps;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
