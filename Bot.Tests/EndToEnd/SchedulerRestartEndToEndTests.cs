using CrossCoaching.Messaging;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>
/// The bot on SQLite, whose scheduler holds its triggers in memory, killed and started again: what fell due while it was
/// down, and what falls due just after its start, runs once, as the durable store ran it.
/// </summary>
public sealed class SchedulerRestartEndToEndTests
{
    private static readonly DateTimeOffset Slot = CoachingWorld.Monday.AddHours(1); // Monday 14:00 in Paris

    private static bool IsReminder(EmulatedMessage m) => m.CustomIds.Any(id => id.StartsWith("session:skip:", StringComparison.Ordinal));

    private static bool IsTakeaway(EmulatedMessage m) => m.CustomIds.Any(id => id.StartsWith("takeaway:share:", StringComparison.Ordinal));

    private static bool BothHave(DiscordEmulator d, CoachingWorld w, Func<EmulatedMessage, bool> kind) =>
        d.DirectMessagesTo(w.Alice.Id).Any(kind) && d.DirectMessagesTo(w.Bob.Id).Any(kind);

    [Fact]
    public async Task A_reminder_due_just_after_a_crash_restart_is_sent_even_when_its_trigger_fires_half_a_minute_late()
    {
        await using var w = await CoachingWorld.StartAsync();
        await w.StartWeeklyRitualAsync();

        // Started again a minute before the reminder is due (beyond the 30 s the scheduler looks ahead); the scheduler
        // then gets to it 30 s late, as a loaded machine or a thread pool busy with slow steps makes it. The durable store
        // still fired a trigger up to a minute late; so must memory.
        await w.Bot.CrashAndRestartAsync(whileDown: () => w.Time.SetUtcNow(Slot.AddMinutes(-11)));
        await w.AdvanceToAsync(Slot.AddMinutes(-10).AddSeconds(30), d => BothHave(d, w, IsReminder), "the reminders");

        await w.Bot.Get<OutboxWorker>().WhenIdleAsync();
        Assert.Single(w.Discord.DirectMessagesTo(w.Alice.Id), IsReminder);
        Assert.Single(w.Discord.DirectMessagesTo(w.Bob.Id), IsReminder);
    }

    [Fact]
    public async Task A_reminder_and_a_close_that_fell_due_while_the_bot_was_down_each_run_once_at_the_restart()
    {
        await using var w = await CoachingWorld.StartAsync();
        await w.StartWeeklyRitualAsync();

        // Down when the reminder fell due, back 20 s later: the reminder goes at once.
        await w.Bot.CrashAndRestartAsync(whileDown: () => w.Time.SetUtcNow(Slot.AddMinutes(-10).AddSeconds(20)));
        await w.Discord.WaitUntilAsync(d => BothHave(d, w, IsReminder), TimeSpan.FromSeconds(30), "the reminders after the restart");

        await w.AdvanceToAsync(Slot, d => w.VoiceRooms().Count == 1 && d.MessagesIn(w.VoiceRooms()[0].Id).Count == 1, "the open room");
        var room = w.VoiceRooms()[0];
        await w.JoinRoomAsync(room.Id, w.Alice, w.Bob); // they meet: the close offers each a takeaway

        // Down when the close fell due (20 minutes after the slot), back half a minute later: the room goes at once, and
        // each partner is offered a takeaway.
        await w.Bot.CrashAndRestartAsync(whileDown: () => w.Time.SetUtcNow(Slot.AddMinutes(20).AddSeconds(30)));
        await w.Discord.WaitUntilAsync(d => d.FindChannel(room.Id)!.DeletedAt is not null && BothHave(d, w, IsTakeaway), TimeSpan.FromSeconds(30),
            "the close after the restart");

        await w.Bot.Get<OutboxWorker>().WhenIdleAsync();
        Assert.Single(w.VoiceRooms());
        Assert.Single(w.Discord.MessagesIn(room.Id), m => m.PingedUserIds.Count == 2); // the welcome
        foreach (var partner in new[] { w.Alice, w.Bob })
        {
            Assert.Single(w.Discord.DirectMessagesTo(partner.Id), IsReminder);
            Assert.Single(w.Discord.DirectMessagesTo(partner.Id), IsTakeaway);
        }
        Assert.Empty(w.Discord.InternalErrors);
    }
}
