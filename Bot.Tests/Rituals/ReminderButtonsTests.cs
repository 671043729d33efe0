using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Progress;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Rituals.ReminderHarness;

namespace CrossCoaching.Tests.Rituals;

/// <summary>Skip this one and Running late, pressed by Bob in his reminder DM.</summary>
public sealed class ReminderButtonsTests : IAsyncLifetime
{
    private ReminderHarness _r = null!;

    public async Task InitializeAsync() => _r = await StartAsync();

    public async Task DisposeAsync() => await _r.DisposeAsync();

    private static string Stamp(DateTimeOffset at) => $"<t:{at.ToUnixTimeSeconds()}:F>";

    [Fact]
    public async Task Skip_tells_the_partner_at_once_counts_as_announced_and_keeps_the_streak()
    {
        var sessions = _r.H.Get<SessionRepository>();
        var lastWeek = await sessions.CreateAsync(_r.Session with { Id = 0, SlotAt = Slot.AddDays(-7) }, []);
        await sessions.SetStatusAsync(lastWeek.Id, SessionStatus.Closed, SessionOutcome.Held, closedAt: Slot.AddDays(-7).AddMinutes(20));

        await _r.PressAsync("skip");

        var told = _r.DmsTo(Alice)[^1];
        Assert.Equal($"**Bob** skipped your session of {Stamp(Slot)}. Next one: {Stamp(Slot.AddDays(7))}.", told.Content);
        Assert.Empty(told.Mentions.Users);
        var skipped = await _r.ReloadAsync();
        Assert.Equal((SessionStatus.Skipped, SessionOutcome.Skipped, true), (skipped.Status, skipped.Outcome, skipped.SkipAnnounced));
        var stats = await _r.H.Get<PairStatsReader>().ReadAsync(_r.Pair, Bob);
        Assert.Equal((1, 1, 1), (stats.Held, stats.Skipped, stats.CurrentStreak));
        Assert.Contains(await sessions.ListUnfinishedForPairAsync(_r.Pair.Id), s => s.SlotAt == Slot.AddDays(7));
    }

    [Fact]
    public async Task Skip_takes_the_buttons_off_the_reminder_and_says_what_was_done_below_it()
    {
        var reminder = _r.DmsTo(Bob)[^1];

        await _r.PressAsync("skip");

        var updated = _r.Answer;
        Assert.Equal(InteractionCallbackType.UpdateMessage, updated.Type);
        Assert.Empty(updated.Message!.Components!);
        Assert.Equal($"{reminder.Content}\n\nSkipped the session of {Stamp(Slot)}. Next one: {Stamp(Slot.AddDays(7))}.", updated.Message.Content);
    }

    [Fact]
    public async Task Skip_in_French_answers_the_presser_in_French_and_the_partner_in_the_guild_language()
    {
        await _r.H.Get<GuildSettingsRepository>().SaveAsync(new GuildConfig(Guild, Language: Lang.Fr));

        await _r.PressAsync("skip", locale: "fr");

        Assert.StartsWith("⏰ Votre séance CrossCoaching avec **Alice**", _r.Answer.Message!.Content, StringComparison.Ordinal);
        Assert.EndsWith($"\n\nSéance du {Stamp(Slot)} passée. La suivante : {Stamp(Slot.AddDays(7))}.", _r.Answer.Message.Content, StringComparison.Ordinal);
        Assert.Equal($"**Bob** a passé votre séance du {Stamp(Slot)}. La suivante : {Stamp(Slot.AddDays(7))}.", _r.DmsTo(Alice)[^1].Content);
    }

    [Fact]
    public async Task Running_late_tells_the_partner_at_once_and_leaves_the_session_planned()
    {
        await _r.PressAsync("late");

        Assert.Equal("⏱️ **Bob** is running about 5 minutes late for your session.", Assert.Single(_r.LateNoticesToAlice()).Content);
        Assert.Equal(InteractionCallbackType.UpdateMessage, _r.Answer.Type);
        Assert.Empty(_r.Answer.Message!.Components!);
        Assert.EndsWith("\n\n⏱️ Your partner knows you are running late.", _r.Answer.Message.Content, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Scheduled, (await _r.ReloadAsync()).Status);
    }

    [Fact]
    public async Task Running_late_in_French()
    {
        await _r.H.Get<GuildSettingsRepository>().SaveAsync(new GuildConfig(Guild, Language: Lang.Fr));

        await _r.PressAsync("late", locale: "fr");

        Assert.EndsWith("\n\n⏱️ Votre binôme sait que vous serez en retard.", _r.Answer.Message!.Content, StringComparison.Ordinal);
        Assert.Equal("⏱️ **Bob** aura environ 5 minutes de retard pour votre séance.", _r.DmsTo(Alice)[^1].Content);
    }

    [Fact]
    public async Task Pressing_running_late_again_even_at_the_same_moment_tells_the_partner_once()
    {
        await _r.PressAsync("late");
        await _r.PressAsync("late");
        await Task.WhenAll(_r.PressAsync("late"), _r.PressAsync("late"));

        Assert.Single(_r.LateNoticesToAlice());
        Assert.Equal(4, _r.Api.Callbacks.Count());
        Assert.All(_r.Api.Callbacks, c => Assert.EndsWith("Your partner knows you are running late.", c.Message!.Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Running_late_after_the_room_opened_still_tells_the_partner_waiting_in_it()
    {
        _r.H.Time.SetUtcNow(Slot.AddMinutes(2));
        await _r.H.Get<SessionRunner>().RunAsync(_r.Session.Id, SessionStep.Open);
        Assert.Equal(SessionStatus.Open, (await _r.ReloadAsync()).Status);

        await _r.PressAsync("late");

        Assert.Single(_r.LateNoticesToAlice());
        Assert.Equal(InteractionCallbackType.UpdateMessage, _r.Answer.Type);
    }

    [Theory]
    [InlineData("en-US", "Your session has already started; it can no longer be skipped.")]
    [InlineData("fr", "Votre séance a déjà commencé ; elle ne peut plus être passée.")]
    public async Task Skipping_a_session_whose_room_is_open_is_refused(string locale, string refusal)
    {
        _r.H.Time.SetUtcNow(Slot);
        await _r.H.Get<SessionRunner>().RunAsync(_r.Session.Id, SessionStep.Open);
        var before = _r.DmsTo(Alice).Count;

        await _r.PressAsync("skip", locale);

        _r.AssertRefused(refusal);
        Assert.Equal(SessionStatus.Open, (await _r.ReloadAsync()).Status);
        Assert.Equal(before, _r.DmsTo(Alice).Count);
    }

    [Fact]
    public async Task Skipping_once_the_slot_has_passed_is_refused_even_before_the_room_opens()
    {
        _r.H.Time.SetUtcNow(Slot.AddSeconds(1));

        await _r.PressAsync("skip");

        _r.AssertRefused("Your session has already started; it can no longer be skipped.");
        Assert.Equal(SessionStatus.Scheduled, (await _r.ReloadAsync()).Status);
    }

    [Theory]
    [InlineData("skip", "en-US", "This session is already over, so this button does nothing now.")]
    [InlineData("late", "en-US", "This session is already over, so this button does nothing now.")]
    [InlineData("late", "fr", "Cette séance est déjà terminée, ce bouton ne fait donc plus rien.")]
    public async Task Either_button_on_a_finished_session_is_refused(string action, string locale, string refusal)
    {
        await _r.H.Get<SessionRepository>().SetStatusAsync(_r.Session.Id, SessionStatus.Closed, SessionOutcome.Held, closedAt: Slot.AddMinutes(20));
        var before = _r.DmsTo(Alice).Count;

        await _r.PressAsync(action, locale);

        _r.AssertRefused(refusal);
        Assert.Equal(before, _r.DmsTo(Alice).Count);
    }

    [Fact]
    public async Task A_stranger_pressing_a_reminder_left_in_the_guild_is_refused()
    {
        // With Bob's DMs closed his reminder is a mention in the pair's channel, where anyone can press its buttons.
        await _r.RouteAsync(TestInteractions.Button(Guild, HomeChannel, TestInteractions.User(Carol, "Carol"), _r.Id("skip")));
        _r.AssertRefused("This button is not for you.");
        await _r.PressAsync("late", locale: "fr", user: Carol);
        _r.AssertRefused("Ce bouton ne vous est pas destiné.");

        Assert.Equal(SessionStatus.Scheduled, (await _r.ReloadAsync()).Status);
        Assert.Empty(_r.LateNoticesToAlice());
    }

    [Fact]
    public async Task A_button_naming_an_unknown_session_is_refused()
    {
        await _r.RouteAsync(TestInteractions.DmButton(TestInteractions.User(Bob, "Bob"), "session:late:987654"));

        _r.AssertRefused("This button is not for you.");
    }
}
