using CrossCoaching.Hosting;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>
/// Continuity through the emulated Discord: after one partner shares a takeaway the other is nudged once, and the next
/// session's reminder and room welcome recall what both can read ("last time: …"), escaped, never a private one.
/// </summary>
public sealed class ContinuityEndToEndTests
{
    private static bool IsNudge(EmulatedMessage m) => m.Content.StartsWith("✍️", StringComparison.Ordinal);

    [Fact]
    public async Task A_lone_takeaway_nudges_the_partner_once_and_the_next_reminder_and_welcome_recall_the_shared_ones()
    {
        await using var w = await CoachingSteps.StartAsync();
        await w.SetupRoomsCategoryAsync();
        await w.PairAliceAndBobAsync();
        await w.ReplyToAsync(w.Alice, "ritual", "set", CommandArg.String("day", "monday"), CommandArg.String("time", "14:00"),
            CommandArg.String("timezone", "Europe/Paris"), CommandArg.Integer("duration", 1), CommandArg.Integer("reminder", 5));
        var first = await w.RunSessionAsync(await w.NextRitualSessionAsync(), together: true);

        await (await w.SendAsync(w.Alice, "takeaway", options: CommandArg.String("text", "Ask for help *early*, not late."))).SeenAsync();
        await w.Bot.Get<Reconciler>().RunOnceAsync();
        await w.Bot.Get<Reconciler>().RunOnceAsync();
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Bob.Id).Any(IsNudge), what: "Bob nudged");
        Assert.StartsWith("✍️ **Alice** has shared a takeaway from your session of", Assert.Single(w.Discord.DirectMessagesTo(w.Bob.Id), IsNudge).Content, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Discord.DirectMessagesTo(w.Alice.Id), IsNudge);

        await (await w.SendAsync(w.Bob, "takeaway", options: [CommandArg.String("text", "My secret plan."), CommandArg.String("visibility", "private")])).SeenAsync();
        await w.Bot.Get<Reconciler>().RunOnceAsync();
        Assert.Single(w.Discord.DirectMessagesTo(w.Bob.Id), IsNudge);

        var next = await w.NextRitualSessionAsync();
        const string recall = "💭 Last time: **Alice**: “Ask for help \\*early\\*, not late.”";
        await w.AdvanceToAsync(next.SlotAt.AddMinutes(-5), d => d.DirectMessagesTo(w.Bob.Id).Any(m => m.Content.Contains(recall, StringComparison.Ordinal)),
            "the reminder recalling last time");
        Assert.DoesNotContain(w.Discord.DirectMessagesTo(w.Bob.Id), m => m.Content.Contains("Last time", StringComparison.Ordinal) && m.Content.Contains("secret", StringComparison.Ordinal));
        w.Time.SetUtcNow(next.SlotAt);
        var sessions = w.Bot.Get<SessionRepository>();
        await w.Discord.WaitUntilAsync(d => sessions.GetAsync(next.Id).Result!.RoomChannelId is { } room && d.MessagesIn(room).Any(m => m.Content.Contains(recall, StringComparison.Ordinal)),
            what: "the welcome recalling last time");
        Assert.True(first.Id < next.Id);
    }
}
