using CrossCoaching.Discord;
using CrossCoaching.Hosting;
using CrossCoaching.Pool;
using CrossCoaching.Rituals;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>The matching pool through the emulated Discord: join, match, answer, a ritual that runs; declines and expiry.</summary>
public sealed class PoolEndToEndTests
{
    private static readonly DateTimeOffset Slot = CoachingWorld.Monday.AddHours(1); // Monday 14:00 in Paris

    private static Task<string> JoinAsync(CoachingWorld w, EmulatedUser who, string windows = "mon 14:00-16:00") =>
        w.ReplyToAsync(who, "pair", null, CommandArg.String("windows", windows), CommandArg.String("timezone", "Europe/Paris"), CommandArg.String("languages", "both"));

    private static bool IsProposal(EmulatedMessage m) => m.CustomIds.Any(id => id.StartsWith("poolmatch:accept:", StringComparison.Ordinal));

    private static async Task<EmulatedMessage> ProposalToAsync(CoachingWorld w, EmulatedUser who, int count = 1)
    {
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(who.Id).Count(IsProposal) >= count, what: $"proposal {count} to {who.Id}");
        return w.Discord.DirectMessagesTo(who.Id).Where(IsProposal).ElementAt(count - 1);
    }

    [Fact]
    public async Task Two_members_join_are_matched_both_accept_and_their_ritual_is_set_and_its_first_session_happens()
    {
        await using var w = await CoachingWorld.StartAsync();
        await w.SetupRoomsCategoryAsync();

        Assert.Contains("You are in the matching pool", await JoinAsync(w, w.Alice), StringComparison.Ordinal);
        await JoinAsync(w, w.Bob);
        var toAlice = await ProposalToAsync(w, w.Alice);
        var toBob = await ProposalToAsync(w, w.Bob);
        Assert.Contains("**Bob**", toAlice.Content, StringComparison.Ordinal);
        Assert.Contains($"<t:{Slot.ToUnixTimeSeconds()}:F>", toBob.Content, StringComparison.Ordinal);

        // Each presses Accept in their own DM.
        await (await w.PressAsync(toAlice, "poolmatch:accept:", w.Alice)).SeenAsync();
        var formed = await (await w.PressAsync(toBob, "poolmatch:accept:", w.Bob)).SeenAsync();
        Assert.Contains("You and **Alice** are now partners", formed.Content, StringComparison.Ordinal);
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Alice.Id).Any(m => m.Content.Contains("You and **Bob** are now partners", StringComparison.Ordinal)),
            what: "Alice told the pair is formed");

        var pair = await w.PairAsync();
        var ritual = await w.Bot.Get<RitualRepository>().GetAsync(pair.Id);
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(14, 0)), (ritual!.Rule.Day, ritual.Rule.LocalTime));

        // The first session happens: its room at the slot, in the rooms category, with the welcome.
        await w.AdvanceToAsync(Slot.AddSeconds(-62), d => w.VoiceRooms().Count == 1, "the room");
        var room = Assert.Single(w.VoiceRooms());
        await w.AdvanceToAsync(Slot, d => d.MessagesIn(room.Id).Count == 1, "the welcome");
        Assert.Equal([w.Alice.Id, w.Bob.Id], w.Discord.MessagesIn(room.Id)[0].PingedUserIds.Order());
        Assert.Empty(w.Discord.InternalErrors);
    }

    [Fact]
    public async Task One_declines_and_the_other_is_matched_again_with_someone_else()
    {
        await using var w = await CoachingWorld.StartAsync();
        await JoinAsync(w, w.Alice);
        await JoinAsync(w, w.Bob);
        var toBob = await ProposalToAsync(w, w.Bob);

        var declined = await (await w.PressAsync(toBob, "poolmatch:decline:", w.Bob)).SeenAsync();
        Assert.Contains("**Alice** will not be proposed to you again", declined.Content, StringComparison.Ordinal);
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Alice.Id).Any(m => m.Content.Contains("first in line", StringComparison.Ordinal)), what: "Alice back in line");

        await JoinAsync(w, w.Carol);

        var again = await ProposalToAsync(w, w.Alice, count: 2);
        Assert.Contains("**Carol**", again.Content, StringComparison.Ordinal);
        Assert.Single(w.Discord.DirectMessagesTo(w.Bob.Id)); // the proposal with Alice, answered, and nothing since
        Assert.Null(await w.Bot.Get<PoolProposalRepository>().PendingForAsync(w.Guild.Id, w.Bob.Id, w.Time.GetUtcNow()));
        Assert.Empty(w.Discord.InternalErrors);
    }

    [Fact]
    public async Task An_entry_is_reminded_before_it_expires_and_then_expires()
    {
        await using var w = await CoachingWorld.StartAsync(new Dictionary<string, string?>
        {
            ["Pool:EntryDays"] = "2",
            ["Pool:ReminderDays"] = "1",
            ["Sessions:ReconcileMinutes"] = "60",
        });
        await JoinAsync(w, w.Alice);
        var reconciler = w.Bot.Get<Reconciler>();

        w.Time.SetUtcNow(CoachingWorld.Monday.AddDays(1.5));
        await reconciler.RunOnceAsync();
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Alice.Id).Any(m => m.Content.Contains("Your entry in the matching pool expires", StringComparison.Ordinal)),
            what: "the reminder");

        w.Time.SetUtcNow(CoachingWorld.Monday.AddDays(2));
        await reconciler.RunOnceAsync();
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Alice.Id).Any(m => m.Content.StartsWith("Your entry in the matching pool has expired.", StringComparison.Ordinal)), what: "the expiry notice");
        Assert.Null(await w.Bot.Get<PoolEntryRepository>().GetAsync(w.Guild.Id, w.Alice.Id));
        Assert.Contains("You are not in the matching pool", await w.ReplyToAsync(w.Alice, "pair"), StringComparison.Ordinal);
        Assert.Empty(w.Discord.InternalErrors);
    }
}
