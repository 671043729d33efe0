using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>"Keep going, stop asking" through the emulated Discord, in French, and <c>/rituel cycles</c> to be asked again.</summary>
public sealed class QuietRoundsEndToEndTests
{
    private static bool IsQuestion(EmulatedMessage m) => m.Content.StartsWith("🏁", StringComparison.Ordinal);

    [Fact]
    public async Task Keep_going_stop_asking_lets_rounds_pass_without_questions_until_a_partner_runs_ritual_rounds()
    {
        await using var w = await CoachingSteps.StartAsync();
        await w.ReplyToAsync(w.Owner, "coaching", "setup", CommandArg.Integer("round", 1), CommandArg.String("language", "fr"));
        await w.PairAliceAndBobAsync();
        await w.ReplyToAsync(w.Alice, "ritual", "set", CommandArg.String("day", "monday"), CommandArg.String("time", "14:00"),
            CommandArg.String("timezone", "Europe/Paris"), CommandArg.Integer("duration", 1), CommandArg.Integer("reminder", 0));
        await w.RunSessionAsync(await w.NextRitualSessionAsync(), together: true);
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Alice.Id).Any(IsQuestion) && d.DirectMessagesTo(w.Bob.Id).Any(IsQuestion), what: "round 1's question");
        var toAlice = w.Discord.DirectMessagesTo(w.Alice.Id).Single(IsQuestion);
        Assert.Contains("Continuer sans plus demander", string.Join(",", toAlice.Components.Select(c => c?.ToJsonString())), StringComparison.Ordinal);

        var alice = await (await w.PressAsync(toAlice, "round:keep:", w.Alice)).SeenAsync();
        Assert.Contains("ritual rounds", alice.Content, StringComparison.Ordinal); // a command mention, or its name while the id is unknown
        Assert.Contains("to be asked again", alice.Content, StringComparison.Ordinal);
        await (await w.PressAsync(w.Discord.DirectMessagesTo(w.Bob.Id).Single(IsQuestion), "round:continue:", w.Bob)).SeenAsync();
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Bob.Id).Any(m => m.Content.Contains("Désormais, vos cycles continuent sans cette question", StringComparison.Ordinal)),
            what: "Bob told, in the server's French, that the questions stop");

        // Rounds 2 and 3 pass with no question at all.
        await w.RunSessionAsync(await w.NextRitualSessionAsync(), together: true);
        await w.RunSessionAsync(await w.NextRitualSessionAsync(), together: true);
        // The round moves on in the close's after-work, which may still run once the room is gone.
        await w.Discord.WaitUntilAsync(_ => w.PairAsync().Result.RoundNumber == 4, TimeSpan.FromSeconds(30), what: "round 4 reached without a question");
        await w.Bot.Get<OutboxWorker>().WhenIdleAsync();
        Assert.DoesNotContain(w.Discord.DirectMessagesTo(w.Alice.Id), IsQuestion); // round 1's was answered, and so edited
        Assert.DoesNotContain(w.Discord.DirectMessagesTo(w.Bob.Id), IsQuestion);

        var reply = await (await w.SendAsync(w.Bob, "ritual", "rounds", locale: "fr")).SeenAsync();
        Assert.StartsWith("C'est noté : à la fin du cycle 4", reply.Content, StringComparison.Ordinal);
        await w.RunSessionAsync(await w.NextRitualSessionAsync(), together: true);
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Alice.Id).Any(IsQuestion) && d.DirectMessagesTo(w.Bob.Id).Any(IsQuestion),
            what: "round 4's question");
        Assert.StartsWith("🏁 Le cycle 4 avec **Bob** est terminé", w.Discord.DirectMessagesTo(w.Alice.Id).Single(IsQuestion).Content, StringComparison.Ordinal);
    }
}
