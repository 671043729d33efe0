using CrossCoaching.Sessions;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>Streaks as <c>/stats</c> shows them, from ritual sessions lived week after week on the features' clock.</summary>
public sealed class StatsEndToEndTests
{
    [Fact]
    public async Task Held_held_an_announced_skip_and_held_make_a_streak_of_three_and_a_miss_resets_it()
    {
        await using var w = await CoachingSteps.StartAsync();
        await w.PairAliceAndBobAsync();
        await w.ReplyToAsync(w.Alice, "ritual", "set", CommandArg.String("day", "monday"), CommandArg.String("time", "14:00"),
            CommandArg.String("timezone", "Europe/Paris"), CommandArg.Integer("duration", 1), CommandArg.Integer("reminder", 0));

        Assert.Equal(SessionOutcome.Held, (await w.RunSessionAsync(await w.NextRitualSessionAsync(), together: true)).Outcome);
        Assert.Equal(SessionOutcome.Held, (await w.RunSessionAsync(await w.NextRitualSessionAsync(), together: true)).Outcome);
        var skipped = await w.NextRitualSessionAsync();
        var skip = await w.ReplyToAsync(w.Bob, "ritual", "skip");
        Assert.StartsWith($"Skipped the session of <t:{skipped.SlotAt.ToUnixTimeSeconds()}:F>", skip, StringComparison.Ordinal);
        var fourth = await w.NextRitualSessionAsync();
        Assert.Equal(skipped.SlotAt.AddDays(7), fourth.SlotAt);
        Assert.Equal(SessionOutcome.Held, (await w.RunSessionAsync(fourth, together: true)).Outcome);

        var stats = await (await w.SendAsync(w.Alice, "stats")).SeenAsync();

        Assert.True(stats.IsEphemeral);
        Assert.Contains("Sessions: **3** held · **0** partial · **0** missed · **1** skipped", stats.Content, StringComparison.Ordinal);
        Assert.Contains("Streak: **3** held in a row (longest: **3**)", stats.Content, StringComparison.Ordinal);
        Assert.Contains("Your attendance: **100%** (3 of the 3 sessions that took place)", stats.Content, StringComparison.Ordinal);
        Assert.Contains("Minutes together: **3**", stats.Content, StringComparison.Ordinal);
        Assert.Contains("Round 1: 3/4 sessions", stats.Content, StringComparison.Ordinal);

        // Nobody comes to the next one: the streak starts again from zero, the record stays. Bob reads it in French.
        Assert.Equal(SessionOutcome.Missed, (await w.RunSessionAsync(await w.NextRitualSessionAsync(), together: false)).Outcome);
        var after = await (await w.SendAsync(w.Bob, "stats", locale: "fr")).SeenAsync();

        Assert.Contains("📊 **Votre binôme avec Alice**", after.Content, StringComparison.Ordinal);
        Assert.Contains("Séances — tenues : **3** · partielles : **0** · manquées : **1** · passées : **1**", after.Content, StringComparison.Ordinal);
        Assert.Contains("Série de séances tenues : **0** (record : **3**)", after.Content, StringComparison.Ordinal);
        Assert.Contains("Votre présence : **75 %** (3 sur 4 séances qui ont eu lieu)", after.Content, StringComparison.Ordinal);
        Assert.Empty(w.Discord.InternalErrors);
    }
}
