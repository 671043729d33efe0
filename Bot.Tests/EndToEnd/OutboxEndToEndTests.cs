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

    private static async Task<long> TriedAsync(CoachingWorld w, string kind)
    {
        await using var db = new SqliteConnection($"Data Source={w.Bot.DatabasePath}");
        return await db.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox WHERE kind = @kind AND state = 'pending' AND attempts > 0", new { kind });
    }

    [Fact]
    public async Task A_reminder_and_a_welcome_due_in_an_outage_with_a_crash_during_it_each_arrive_once_after_recovery()
    {
        await using var w = await CoachingWorld.StartAsync();
        await w.StartWeeklyRitualAsync();

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
        await w.StartWeeklyRitualAsync();
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

    /// <summary>
    /// The invariant, under a seeded mix of faults: every message the outbox took for sent is in Discord exactly once
    /// (one message per nonce), and no message the bot posted appears twice.
    /// </summary>
    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    public async Task No_message_the_outbox_sent_appears_twice_through_5xx_lost_answers_and_crashes(int seed)
    {
        var random = new Random(seed);
        await using var w = await CoachingWorld.StartAsync(CoachingWorld.LongMoves());
        await w.StartWeeklyRitualAsync();
        for (var week = 0; week < 3; week++)
        {
            var slot = Slot.AddDays(7 * week);
            foreach (var at in new[] { slot.AddMinutes(-10), slot, slot.AddMinutes(16) })
            {
                switch (random.Next(3))
                {
                    case 0:
                        w.Discord.ScriptFailure("POST", Posts, 503, times: random.Next(1, 4));
                        break;
                    case 1:
                        w.Discord.ScriptLostAnswer("POST", Posts, 504, times: random.Next(1, 3));
                        break;
                }

                w.Time.SetUtcNow(at);
                if (random.Next(2) == 0)
                    await w.Bot.CrashAndRestartAsync(whileDown: w.Discord.ClearScriptedFailures);
                for (var i = 0; i < 6; i++)
                {
                    w.Time.Advance(TimeSpan.FromSeconds(40)); // past the outbox's backoff, well before the next step
                    await w.Bot.Get<OutboxWorker>().WhenIdleAsync();
                }
            }
        }

        w.Discord.ClearScriptedFailures();
        w.Time.Advance(TimeSpan.FromMinutes(15));
        await w.Bot.Get<OutboxWorker>().WhenIdleAsync();

        await using var db = new SqliteConnection($"Data Source={w.Bot.DatabasePath}");
        var sent = (await db.QueryAsync<(string Kind, string Nonce)>("SELECT kind, nonce FROM outbox WHERE state = 'sent' AND target <> 'edit'")).ToList();
        var byNonce = w.Discord.Messages.Where(m => m.Nonce is not null).GroupBy(m => m.Nonce!).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(sent, row => Assert.Equal(1, byNonce.GetValueOrDefault(row.Nonce)));
        Assert.All(byNonce, kv => Assert.Equal(1, kv.Value));
        Assert.Contains(sent, r => r.Kind == "remind");
        Assert.Contains(sent, r => r.Kind == "welcome");
        Assert.Empty(w.Discord.InternalErrors);
    }
}
