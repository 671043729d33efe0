using CrossCoaching.Messaging;
using CrossCoaching.Tests.Emulator;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>Every message the bot owes arrives once: through outages, lost answers and crashes.</summary>
public sealed class OutboxEndToEndTests
{
    private const string Posts = "/channels/{channel_id}/messages";
    private static readonly DateTimeOffset Slot = CoachingWorld.Monday.AddHours(1); // Monday 14:00 in Paris

    private static bool IsReminder(EmulatedMessage m) => m.CustomIds.Any(id => id.StartsWith("session:skip:", StringComparison.Ordinal));

    private static bool IsWelcome(EmulatedMessage m) => m.PingedUserIds.Count == 2;

    private static async Task StartRitualAsync(CoachingWorld w)
    {
        await w.SetupRoomsCategoryAsync();
        await w.PairAliceAndBobAsync();
        await w.ReplyToAsync(w.Alice, "ritual", "set",
            CommandArg.String("day", "monday"), CommandArg.String("time", "14:00"), CommandArg.String("timezone", "Europe/Paris"));
        // The ritual's notice to Bob is out of the way: a fault scripted next must hit the messages under test, not it.
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Bob.Id).Count > 0, TimeSpan.FromSeconds(30), "the ritual's notice to Bob");
        await w.Bot.Get<OutboxWorker>().WhenIdleAsync();
    }

    private static async Task<long> TriedAsync(CoachingWorld w, string kind)
    {
        await using var db = new SqliteConnection($"Data Source={w.Bot.DatabasePath}");
        return await db.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox WHERE kind = @kind AND state = 'pending' AND attempts > 0", new { kind });
    }

    [Fact]
    public async Task A_reminder_and_a_welcome_due_in_an_outage_with_a_crash_during_it_each_arrive_once_after_recovery()
    {
        await using var w = await CoachingWorld.StartAsync();
        await StartRitualAsync(w);

        // The reminder falls due while Discord answers 503 to every message post, and the process dies in the outage.
        w.Discord.ScriptFailure("POST", Posts, 503, times: DiscordEmulator.Forever);
        w.Time.SetUtcNow(Slot.AddMinutes(-10));
        await w.Discord.WaitUntilAsync(_ => TriedAsync(w, "remind").Result == 2, TimeSpan.FromSeconds(30), "the reminders tried in the outage");
        Assert.DoesNotContain(w.Discord.DirectMessagesTo(w.Alice.Id), IsReminder);
        await w.Bot.CrashAndRestartAsync(whileDown: w.Discord.ClearScriptedFailures);

        // Restarted after the outage, minutes before the slot: each partner gets the reminder once.
        await w.AdvanceToAsync(Slot.AddMinutes(-5), d => d.DirectMessagesTo(w.Alice.Id).Any(IsReminder) && d.DirectMessagesTo(w.Bob.Id).Any(IsReminder),
            "the reminders after recovery");
        await w.Bot.Get<OutboxWorker>().WhenIdleAsync();
        Assert.Single(w.Discord.DirectMessagesTo(w.Alice.Id), IsReminder);
        Assert.Single(w.Discord.DirectMessagesTo(w.Bob.Id), IsReminder);

        // The same for the welcome in the room at the slot.
        w.Discord.ScriptFailure("POST", Posts, 503, times: DiscordEmulator.Forever);
        await w.AdvanceToAsync(Slot, _ => TriedAsync(w, "welcome").Result == 1, "the welcome tried in the outage");
        var room = Assert.Single(w.VoiceRooms());
        Assert.Empty(w.Discord.MessagesIn(room.Id));
        await w.Bot.CrashAndRestartAsync(whileDown: w.Discord.ClearScriptedFailures);

        await w.AdvanceToAsync(Slot.AddMinutes(2), d => d.MessagesIn(room.Id).Any(IsWelcome), "the welcome after recovery");
        await w.Bot.Get<OutboxWorker>().WhenIdleAsync();
        Assert.Single(w.Discord.MessagesIn(room.Id), IsWelcome);
        Assert.Empty(w.Discord.InternalErrors);
    }

    [Fact]
    public async Task A_reminder_Discord_accepted_but_whose_answer_was_lost_arrives_once()
    {
        await using var w = await CoachingWorld.StartAsync();
        await StartRitualAsync(w);
        w.Discord.ScriptLostAnswer("POST", Posts, 504, times: 2);

        await w.AdvanceToAsync(Slot.AddMinutes(-10), d => d.DirectMessagesTo(w.Alice.Id).Any(IsReminder) && d.DirectMessagesTo(w.Bob.Id).Any(IsReminder),
            "the reminders");
        w.Time.Advance(TimeSpan.FromMinutes(1)); // past any backoff
        await w.Bot.Get<OutboxWorker>().WhenIdleAsync();

        Assert.Single(w.Discord.DirectMessagesTo(w.Alice.Id), IsReminder);
        Assert.Single(w.Discord.DirectMessagesTo(w.Bob.Id), IsReminder);
        var lost = w.Discord.RequestsTo("POST " + Posts).Where(r => r.Status == 504).ToList();
        Assert.Equal(2, lost.Count);
        Assert.All(lost, r => Assert.Contains("session:skip:", r.Body, StringComparison.Ordinal)); // the answers lost were the reminders'
        Assert.All([w.Alice.Id, w.Bob.Id], user => Assert.Equal(
            w.Discord.DirectMessagesTo(user).Count, w.Discord.DirectMessagesTo(user).Select(m => m.Nonce).Distinct().Count()));
    }
}
