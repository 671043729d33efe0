using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Hosting;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions.Scheduling;
using Quartz;

namespace CrossCoaching.Sessions.InRoom;

/// <summary>
/// "Your partner is waiting": when one partner is in the room and the other has not come by <see cref="After"/> past
/// the slot, the absent one gets one DM with a link to the room — never when they had joined already. A partner's
/// join arms the check for slot + 2 min (or runs it, when later); the reconciler runs it for open rooms too, so a lost
/// trigger or a restart only delays it, and the outbox's key sends it once.
/// </summary>
public sealed class PartnerWaiting(
    SessionRepository sessions,
    PairRepository pairs,
    AttendanceRepository attendance,
    Outbox outbox,
    GuildLanguage languages,
    ISchedulerFactory schedulers,
    TimeProvider time) : IDiscordEventHandler, IReconcilable
{
    public const string Kind = "partner-waiting";

    public static readonly TimeSpan After = TimeSpan.FromMinutes(2);

    public async Task HandleAsync(DiscordEvent discordEvent, CancellationToken cancellationToken = default)
    {
        if (discordEvent is not VoiceStateChanged { ChannelId: { } room } voice ||
            await sessions.FindByRoomAsync(room, cancellationToken) is not { Status: SessionStatus.Open } session)
            return;
        var due = session.SlotAt + After;
        if (time.GetUtcNow() >= due)
        {
            await CheckAsync(session.Id, voice.UserId, cancellationToken);
            return;
        }

        var key = SessionScheduler.Key(session.Id, SessionStep.Open);
        await (await schedulers.GetScheduler(cancellationToken)).ScheduleJob<PartnerWaitingJob, PartnerWaitingInput>(
            new PartnerWaitingInput(session.Id), due, new OneOffJobOptions
            {
                // In the session's group: whatever ends the session disarms it with the rest.
                Name = $"session:{session.Id}:{Kind}",
                Group = key.Group,
                OnConflict = TriggerConflict.Keep,
                MisfireInstruction = Quartz.SimpleTriggerMisfireInstruction.FireNow,
                RequestRecovery = true,
            }, cancellationToken);
    }

    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        // Open sessions only: every pass, so reading every scheduled session (100,000 rituals: 10 s) is not an option.
        foreach (var session in await sessions.ListOpenAsync(cancellationToken))
            if (now >= session.SlotAt + After)
                await CheckAsync(session.Id, null, cancellationToken);
    }

    /// <param name="joining">A member whose join the attendance may not show yet (the same event is being recorded).</param>
    public async Task CheckAsync(long sessionId, Snowflake? joining, CancellationToken cancellationToken = default)
    {
        if (await sessions.GetAsync(sessionId, cancellationToken) is not { Status: SessionStatus.Open, RoomChannelId: { } room } session ||
            time.GetUtcNow() >= session.EndsAt ||
            await pairs.GetAsync(session.PairId, cancellationToken) is not { Status: PairStatus.Active } pair)
            return;
        var stays = await attendance.ListAsync(session.Id, cancellationToken);
        var present = stays.Where(s => s.LeftAt is null).Select(s => s.UserId).Where(pair.Has).ToHashSet();
        var came = stays.Select(s => s.UserId).ToHashSet();
        if (joining is { } joiner && pair.Has(joiner))
        {
            present.Add(joiner);
            came.Add(joiner);
        }

        if (present.Count != 1)
            return;
        var waiting = present.Single();
        var absent = pair.PartnerOf(waiting);
        if (came.Contains(absent))
            return;

        var lang = await languages.ForGuildAsync(session.GuildId, cancellationToken);
        var link = $"https://discord.com/channels/{session.GuildId}/{room}";
        var letter = Letter.ToPartner(session, Kind, absent, MessageSpec.Text(RoomTexts.PartnerWaiting.Format(lang, Markdown.Name(pair.NameOf(waiting)), link)))
            .WithMentionFallback(pair, lang) with { UntilSessionEnds = true };
        await outbox.EnqueueAsync(letter, cancellationToken);
    }
}

public sealed record PartnerWaitingInput(long SessionId);

/// <summary>The alarm for slot + 2 min; the check itself reads everything again from the database.</summary>
public sealed class PartnerWaitingJob(PartnerWaiting waiting) : IJob<PartnerWaitingInput>
{
    public async ValueTask Execute(IJobExecutionContext context, PartnerWaitingInput input, CancellationToken cancellationToken = default) =>
        await waiting.CheckAsync(input.SessionId, null, cancellationToken);
}
