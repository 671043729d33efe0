using CrossCoaching.Discord;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>Pairs, rituals and sessions through the emulated Discord, on a clock the test moves (it drives Quartz).</summary>
public sealed class SessionEndToEndTests
{
    private static readonly DateTimeOffset Slot = CoachingWorld.Monday.AddHours(1); // Monday 14:00 in Paris

    private static Task<string> SetMondayAt14Async(CoachingWorld w) => w.ReplyToAsync(w.Alice, "ritual", "set",
        CommandArg.String("day", "monday"), CommandArg.String("time", "14:00"), CommandArg.String("timezone", "Europe/Paris"));

    private static bool IsReminder(EmulatedMessage m) => m.CustomIds.Any(id => id.StartsWith("session:skip:", StringComparison.Ordinal));

    [Fact]
    public async Task A_ritual_set_by_command_runs_its_whole_session_against_discord()
    {
        await using var w = await CoachingWorld.StartAsync();
        await w.SetupRoomsCategoryAsync();
        await w.PairAliceAndBobAsync();

        var reply = await SetMondayAt14Async(w);
        Assert.Contains($"<t:{Slot.ToUnixTimeSeconds()}:F>", reply, StringComparison.Ordinal);

        // Reminder, ten minutes before: a DM to each partner, with Skip and Running late. (Bob's DM about the new
        // ritual is sent after Alice's reply, so it may arrive after his reminder: find the reminder, not the last DM.)
        await w.AdvanceToAsync(Slot.AddMinutes(-10), d => d.DirectMessagesTo(w.Alice.Id).Any(IsReminder) && d.DirectMessagesTo(w.Bob.Id).Any(IsReminder), "the reminders");
        var reminder = w.Discord.DirectMessagesTo(w.Bob.Id).Single(IsReminder);
        Assert.Contains(reminder.CustomIds, id => id.StartsWith("session:late:", StringComparison.Ordinal));
        Assert.Empty(reminder.PingedUserIds);

        // The room, prepared ahead and opened at the slot, in the configured category.
        await w.AdvanceToAsync(Slot.AddSeconds(-62), d => w.VoiceRooms().Count == 1, "the room");
        var room = Assert.Single(w.VoiceRooms());
        Assert.Equal((w.Rooms.Id, 2), (room.ParentId!.Value, room.UserLimit));
        await w.AdvanceToAsync(Slot, d => d.MessagesIn(room.Id).Count == 1, "the welcome");
        Assert.Equal([w.Alice.Id, w.Bob.Id], w.Discord.MessagesIn(room.Id)[0].PingedUserIds.Order());

        // Discord's own permission algorithm: the partners get in, a stranger does not, the bot keeps managing it.
        await w.JoinRoomAsync(room.Id, w.Alice, w.Bob);
        Assert.Throws<VoiceJoinRefusedException>(() => w.Discord.JoinVoice(w.Guild.Id, w.Carol.Id, room.Id));
        var botHere = w.Discord.PermissionsOf(w.Guild.Id, w.Discord.BotUserId, room.Id);
        Assert.True(botHere.HasFlag(Perms.ViewChannel) && botHere.HasFlag(Perms.ManageChannels));

        // The time-box warning, then the room closes after the grace and each partner is offered a takeaway.
        await w.AdvanceToAsync(Slot.AddMinutes(15), d => d.MessagesIn(room.Id).Count == 2, "the warning");
        await w.AdvanceToAsync(Slot.AddMinutes(20), d => d.FindChannel(room.Id)!.DeletedAt is not null, "the room to close");
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Alice.Id).Any(m => m.CustomIds.Any(id => id.StartsWith("takeaway:share:", StringComparison.Ordinal))),
            what: "the takeaway DM");
        var session = (await w.Bot.Get<SessionRepository>().ListUnfinishedAsync()).Single(); // the next one, planned at the open
        Assert.Equal(Slot.AddDays(7), session.SlotAt);
        Assert.Empty(w.Discord.InternalErrors);
    }

    [Fact]
    public async Task Skip_pressed_in_the_reminder_DM_tells_the_other_partner_by_DM()
    {
        await using var w = await CoachingWorld.StartAsync();
        await w.PairAliceAndBobAsync();
        await SetMondayAt14Async(w);
        await w.AdvanceToAsync(Slot.AddMinutes(-10), d => d.DirectMessagesTo(w.Alice.Id).Any(IsReminder) && d.DirectMessagesTo(w.Bob.Id).Any(IsReminder), "the reminders");
        var reminder = w.Discord.DirectMessagesTo(w.Bob.Id).Single(IsReminder);

        var seen = await (await w.PressAsync(reminder, "session:skip:", w.Bob)).SeenAsync();

        Assert.Equal(reminder.Id, seen.Id);
        Assert.Empty(seen.CustomIds);
        Assert.EndsWith($"Skipped the session of <t:{Slot.ToUnixTimeSeconds()}:F>. Next one: <t:{Slot.AddDays(7).ToUnixTimeSeconds()}:F>.", seen.Content, StringComparison.Ordinal);
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Alice.Id).Any(m => m.Content.StartsWith("**Bob** skipped", StringComparison.Ordinal)),
            what: "the skip notice");
        var told = w.Discord.DirectMessagesTo(w.Alice.Id)[^1];
        Assert.StartsWith($"**Bob** skipped your session of <t:{Slot.ToUnixTimeSeconds()}:F>.", told.Content, StringComparison.Ordinal);
        Assert.Empty(told.PingedUserIds);
        var session = (await w.Bot.Get<SessionRepository>().ListForPairAsync(1)).Single(s => s.SlotAt == Slot);
        Assert.Equal((SessionStatus.Skipped, true), (session.Status, session.SkipAnnounced));
        Assert.Empty(w.Discord.InternalErrors);
    }

    [Fact]
    public async Task Strangers_and_impossible_pairs_get_ephemeral_refusals()
    {
        await using var w = await CoachingWorld.StartAsync();

        var self = await (await w.CommandAsync(w.Alice, "pair", null, CommandArg.User("partner", w.Alice.Id))).WaitForCallbackAsync();
        Assert.True(self.Ephemeral);
        var invitation = await w.CommandAsync(w.Alice, "pair", null, CommandArg.User("partner", w.Bob.Id));
        await invitation.WaitForOriginalEditAsync();
        Assert.Equal([w.Bob.Id], invitation.Original!.PingedUserIds);
        var accept = invitation.Original.CustomIds.First(id => id.StartsWith("pair:accept:", StringComparison.Ordinal));

        var stranger = await (await w.Discord.PressButtonAsync(invitation.Original, accept, w.Carol.Id)).WaitForCallbackAsync();

        Assert.True(stranger.Ephemeral);
        Assert.Contains("Only", stranger.Content, StringComparison.Ordinal);
        var duplicate = await (await w.CommandAsync(w.Alice, "pair", null, CommandArg.User("partner", w.Bob.Id))).WaitForCallbackAsync();
        Assert.True(duplicate.Ephemeral);
    }

    [Fact]
    public async Task Now_opens_a_room_at_once_and_skip_and_pause_until_a_date_then_resume_by_themselves()
    {
        await using var w = await CoachingWorld.StartAsync(CoachingWorld.LongMoves());
        await w.PairAliceAndBobAsync();
        await SetMondayAt14Async(w);

        await w.ReplyToAsync(w.Bob, "ritual", "now", CommandArg.Integer("duration", 10));
        await w.Discord.WaitUntilAsync(_ => w.VoiceRooms().Count == 1, what: "the impromptu room");

        var skipped = await w.ReplyToAsync(w.Bob, "ritual", "skip");
        Assert.Contains($"<t:{Slot.ToUnixTimeSeconds()}:F>", skipped, StringComparison.Ordinal);
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Alice.Id).Any(m => m.Content.Contains("skipped", StringComparison.Ordinal)), what: "Alice told of the skip");

        var paused = await w.ReplyToAsync(w.Alice, "ritual", "pause", CommandArg.String("until", "2026-11-20"));
        Assert.Contains("paused until", paused, StringComparison.Ordinal);
        Assert.DoesNotContain(await w.Bot.Get<SessionRepository>().ListUnfinishedAsync(), s => s.Kind == SessionKind.Ritual);

        await w.AdvanceToAsync(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero),
            d => d.DirectMessagesTo(w.Bob.Id).Any(m => m.Content.Contains("back on", StringComparison.Ordinal)), "the automatic resume");
        var next = (await w.Bot.Get<SessionRepository>().ListUnfinishedAsync()).Single(s => s.Kind == SessionKind.Ritual);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero), next.SlotAt);
    }

    [Fact]
    public async Task A_restart_past_the_close_of_an_open_room_deletes_it_within_seconds_and_makes_no_second_room()
    {
        await using var w = await CoachingWorld.StartAsync();
        await w.PairAliceAndBobAsync();
        await SetMondayAt14Async(w);
        await w.AdvanceToAsync(Slot, d => w.VoiceRooms().Count == 1 && d.MessagesIn(w.VoiceRooms()[0].Id).Count == 1, "the open room");
        var room = w.VoiceRooms()[0];

        await w.Bot.RestartAsync(whileStopped: () => w.Time.SetUtcNow(Slot.AddHours(2)));
        var restarted = System.Diagnostics.Stopwatch.StartNew();
        await w.Discord.WaitUntilAsync(d => d.FindChannel(room.Id)!.DeletedAt is not null, TimeSpan.FromSeconds(10), "the stale room to go");

        Assert.True(restarted.Elapsed < TimeSpan.FromSeconds(10), $"deleted {restarted.Elapsed} after the restart");
        Assert.Single(w.VoiceRooms());
        var sessions = w.Bot.Get<SessionRepository>();
        await w.Discord.WaitUntilAsync(_ => sessions.ListForPairAsync(1).Result[0] is { Status: SessionStatus.Closed, RoomChannelId: null },
            what: "the session to be recorded as closed");
    }

    [Fact]
    public async Task A_duplicate_fire_of_a_step_still_makes_one_room()
    {
        await using var w = await CoachingWorld.StartAsync();
        await w.PairAliceAndBobAsync();
        await SetMondayAt14Async(w);
        var session = (await w.Bot.Get<SessionRepository>().ListUnfinishedAsync()).Single();
        w.Time.SetUtcNow(Slot);
        var runner = w.Bot.Get<SessionRunner>();

        await Task.WhenAll(
            runner.RunAsync(session.Id, SessionStep.Open), runner.RunAsync(session.Id, SessionStep.Open),
            runner.RunAsync(session.Id, SessionStep.Prepare), runner.RunAsync(session.Id, SessionStep.Open));
        await Task.Delay(500); // whatever Quartz fires on its own in the meantime

        Assert.Single(w.VoiceRooms());
        Assert.Single(w.Discord.MessagesIn(w.VoiceRooms()[0].Id));
    }

    [Fact]
    public async Task A_trigger_that_no_longer_matches_the_database_never_runs_a_step_early()
    {
        await using var w = await CoachingWorld.StartAsync();
        await w.PairAliceAndBobAsync();
        await SetMondayAt14Async(w);
        var sessions = w.Bot.Get<SessionRepository>();
        await w.AdvanceToAsync(Slot, _ => sessions.ListForPairAsync(1).Result[0].Status == SessionStatus.Open, "the open room");
        var session = (await sessions.ListForPairAsync(1))[0];
        // As if a newer scheduler file sat beside a database restored from a backup: a close armed for now.
        var scheduler = await w.Bot.Get<Quartz.ISchedulerFactory>().GetScheduler();
        await Quartz.SchedulerJobExtensions.ScheduleJob<CrossCoaching.Sessions.Scheduling.SessionStepJob, CrossCoaching.Sessions.Scheduling.SessionStepInput>(
            scheduler, new(session.Id, SessionStep.Close), w.Time.GetUtcNow().AddSeconds(1), new Quartz.OneOffJobOptions { Name = "stale-close" });

        await w.AdvanceToAsync(Slot.AddSeconds(2), _ => w.Bot.Logs.All.Contains("re-armed", StringComparison.Ordinal), "the stale trigger to fire");

        Assert.Null(w.Discord.FindChannel(w.VoiceRooms()[0].Id)!.DeletedAt);
        Assert.Equal(SessionStatus.Open, (await w.Bot.Get<SessionRepository>().GetAsync(session.Id))!.Status);
    }

    [Fact]
    public async Task Closed_DMs_fall_back_to_a_mention_and_a_refused_room_is_explained()
    {
        await using var w = await CoachingWorld.StartAsync();
        await w.PairAliceAndBobAsync();
        await SetMondayAt14Async(w);
        w.Discord.CloseDms(w.Bob.Id);
        w.Discord.ScriptFailure("POST", "/guilds/{guild_id}/channels", 403, DiscordErrorCode.MissingPermissions, DiscordEmulator.Forever);

        await w.AdvanceToAsync(Slot.AddMinutes(-10), d => d.MessagesIn(w.General.Id).Any(m => m.PingedUserIds.Contains(w.Bob.Id)), "Bob's fallback reminder");
        var fallback = w.Discord.MessagesIn(w.General.Id).Last(m => m.PingedUserIds.Contains(w.Bob.Id));
        Assert.Equal([w.Bob.Id], fallback.PingedUserIds);

        w.Discord.OpenDms(w.Bob.Id); // from here on both partners read the explanations as direct messages

        // Discord says a permission is missing but not which; the bot's view shows none missing. So the partners read
        // the room's permissions as "one of these", ahead of the slot with one more try promised, then the failure.
        const string OneOfThese = "one of these that the room needs: Manage Channels, View Channels, Connect, Speak, Use Voice Activity, Video, Send Messages.";
        await w.AdvanceToAsync(Slot.AddSeconds(-62), d => d.DirectMessagesTo(w.Alice.Id).Concat(d.DirectMessagesTo(w.Bob.Id))
            .Count(m => m.Content.Contains(OneOfThese, StringComparison.Ordinal)) == 2, "the explanation ahead");
        await w.AdvanceToAsync(Slot, d => d.DirectMessagesTo(w.Alice.Id).Concat(d.DirectMessagesTo(w.Bob.Id))
            .Count(m => m.Content.Contains("could not take place", StringComparison.Ordinal)) == 2, "the failure");
        foreach (var partner in new[] { w.Alice, w.Bob })
        {
            var told = w.Discord.DirectMessagesTo(partner.Id).Select(m => m.Content).Where(c => c.StartsWith("⚠️", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, told.Count);
            Assert.All(told, c => Assert.Contains(OneOfThese, c, StringComparison.Ordinal));
            Assert.All(told, c => Assert.DoesNotContain("I lack these permissions", c, StringComparison.Ordinal));
            Assert.Contains("I will try once more when the session starts", told[0], StringComparison.Ordinal);
            Assert.DoesNotContain("try", told[1], StringComparison.Ordinal);
        }
        Assert.Empty(w.VoiceRooms());
        Assert.Contains(w.Bot.Logs.Lines, l => l.Contains("Discord refused to create the room", StringComparison.Ordinal) &&
            l.Contains("one of these is: Manage Channels, View Channels", StringComparison.Ordinal));
    }
}
