using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>
/// A partner leaves the guild where no reminder will ask about them first. Discord makes a room for someone who left
/// as readily as for anyone, so only the bot's own question keeps it from opening one.
/// </summary>
public sealed class DepartureEndToEndTests
{
    private static readonly DateTimeOffset Slot = CoachingWorld.Monday.AddHours(1); // Monday 14:00 in Paris

    private static bool AliceToldBobLeft(DiscordEmulator d, CoachingWorld w) =>
        d.DirectMessagesTo(w.Alice.Id).Any(m => m.Content.Contains("no longer on the server", StringComparison.Ordinal) &&
            m.Content.Contains("Bob", StringComparison.Ordinal));

    private static async Task AssertSuspendedWithoutRoomAsync(CoachingWorld w)
    {
        Assert.Empty(w.VoiceRooms());
        Assert.Equal(PairStatus.Suspended, (await w.Bot.Get<PairRepository>().GetAsync(1))!.Status);
        Assert.Empty(await w.Bot.Get<SessionRepository>().ListUnfinishedAsync());
        Assert.DoesNotContain(w.Discord.DirectMessagesTo(w.Bob.Id), m => m.Content.Contains("no longer on the server", StringComparison.Ordinal));
        Assert.Empty(w.Discord.InternalErrors);
    }

    [Fact]
    public async Task A_ritual_without_reminder_makes_no_room_for_a_partner_who_left_and_tells_the_other()
    {
        await using var w = await CoachingWorld.StartAsync();
        await w.PairAliceAndBobAsync();
        await w.ReplyToAsync(w.Alice, "ritual", "set", CommandArg.String("day", "monday"), CommandArg.String("time", "14:00"),
            CommandArg.String("timezone", "Europe/Paris"), CommandArg.Integer("reminder", 0));
        w.Discord.RemoveMember(w.Guild.Id, w.Bob.Id);

        await w.AdvanceToAsync(Slot.AddSeconds(-62), d => AliceToldBobLeft(d, w), "Alice told that Bob left");
        var sessions = w.Bot.Get<SessionRepository>();
        await w.Discord.WaitUntilAsync(_ => sessions.ListForPairAsync(1).Result.All(s => s.Status == SessionStatus.Cancelled), what: "the session cancelled");
        await w.AdvanceToAsync(Slot.AddMinutes(1), _ => true, "the slot");
        await w.Bot.Get<CrossCoaching.Hosting.Reconciler>().RunOnceAsync();

        await AssertSuspendedWithoutRoomAsync(w);
    }

    [Fact]
    public async Task Ritual_now_with_a_partner_who_left_makes_no_room_and_tells_the_one_who_asked()
    {
        await using var w = await CoachingWorld.StartAsync();
        await w.PairAliceAndBobAsync();
        w.Discord.RemoveMember(w.Guild.Id, w.Bob.Id);

        await w.ReplyToAsync(w.Alice, "ritual", "now", CommandArg.Integer("duration", 10));
        await w.Discord.WaitUntilAsync(d => AliceToldBobLeft(d, w), what: "Alice told that Bob left");
        var sessions = w.Bot.Get<SessionRepository>();
        await w.Discord.WaitUntilAsync(_ => sessions.ListForPairAsync(1).Result is [{ Status: SessionStatus.Cancelled }], what: "the session cancelled");

        await AssertSuspendedWithoutRoomAsync(w);
    }
}
