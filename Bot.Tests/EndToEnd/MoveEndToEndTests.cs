using CrossCoaching.Sessions;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>
/// <c>/ritual move</c> through the emulated Discord: Monday's 14:00 session (Paris) moved to Wednesday 18:30 for this
/// week only, proposed in French, accepted by the partner's button, kept across a crash, and held at its new slot.
/// </summary>
public sealed class MoveEndToEndTests
{
    private static readonly DateTimeOffset Original = CoachingWorld.Monday.AddHours(1), Moved = new(2026, 11, 4, 17, 30, 0, TimeSpan.Zero);

    private static bool IsAsk(EmulatedMessage m) => m.Content.StartsWith("📅", StringComparison.Ordinal);

    [Fact]
    public async Task Moving_the_next_session_proposes_accepts_survives_a_restart_and_holds_it_at_the_new_slot_only()
    {
        await using var w = await CoachingSteps.StartAsync();
        await w.ReplyToAsync(w.Owner, "coaching", "setup", CommandArg.Channel("category", w.Rooms.Id), CommandArg.String("language", "fr"));
        await w.PairAliceAndBobAsync();
        await w.ReplyToAsync(w.Alice, "ritual", "set", CommandArg.String("day", "monday"), CommandArg.String("time", "14:00"),
            CommandArg.String("timezone", "Europe/Paris"), CommandArg.Integer("duration", 1), CommandArg.Integer("reminder", 5));
        var session = await w.NextRitualSessionAsync();
        Assert.Equal(Original, session.SlotAt);

        var refused = await (await w.SendAsync(w.Alice, "ritual", "move", "fr", CommandArg.String("date", "2026-11-12"))).SeenAsync();
        Assert.StartsWith("Choisissez un moment avant la séance suivante", refused.Content, StringComparison.Ordinal);
        var proposed = await (await w.SendAsync(w.Alice, "ritual", "move", "fr", CommandArg.String("date", "2026-11-04"), CommandArg.String("time", "18h30"))).SeenAsync();
        Assert.StartsWith("📅 Proposition envoyée à **Bob**", proposed.Content, StringComparison.Ordinal);
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Bob.Id).Any(IsAsk), what: "Bob asked, in the server's French");
        var ask = w.Discord.DirectMessagesTo(w.Bob.Id).Single(IsAsk);
        Assert.StartsWith("📅 **Alice** propose de déplacer votre prochaine séance", ask.Content, StringComparison.Ordinal);

        var accepted = await (await w.PressAsync(ask, "move:accept:", w.Bob)).SeenAsync();
        Assert.StartsWith("✅ Accepted", accepted.Content, StringComparison.Ordinal);
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Alice.Id).Any(m => m.Content.StartsWith("✅ **Bob** a accepté", StringComparison.Ordinal)),
            what: "Alice told Bob accepted");

        await w.Bot.RestartAsync();

        // The original slot passes with nothing; the series is unchanged.
        w.Time.SetUtcNow(Original.AddMinutes(5));
        await w.Bot.Get<CrossCoaching.Hosting.Reconciler>().RunOnceAsync();
        Assert.Empty(w.VoiceRooms());
        var show = await (await w.SendAsync(w.Bob, "ritual", "show")).SeenAsync();
        Assert.Contains($"<t:{Moved.ToUnixTimeSeconds()}:F>", show.Content, StringComparison.Ordinal);
        Assert.DoesNotContain($"<t:{Original.ToUnixTimeSeconds()}:F>", show.Content, StringComparison.Ordinal);
        Assert.Contains($"<t:{Original.AddDays(7).ToUnixTimeSeconds()}:F>", show.Content, StringComparison.Ordinal);

        // The reminder names the moved time; the room opens at the moved slot.
        await w.AdvanceToAsync(Moved.AddMinutes(-5), d => d.DirectMessagesTo(w.Alice.Id).Any(m => m.Content.Contains($"<t:{Moved.ToUnixTimeSeconds()}:t>", StringComparison.Ordinal)),
            "the reminder of the moved session");
        var held = await w.RunSessionAsync((await w.Bot.Get<SessionRepository>().GetAsync(session.Id))!, together: true);
        Assert.Equal((Moved, SessionOutcome.Held), (held.SlotAt, held.Outcome));
        Assert.Equal(Original.AddDays(7), (await w.NextRitualSessionAsync()).SlotAt);
    }
}
