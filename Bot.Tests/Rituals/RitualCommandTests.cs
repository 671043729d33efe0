using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;

namespace CrossCoaching.Tests.Rituals;

public sealed class RitualCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero); // Monday 10:00 in Paris
    private static readonly DiscordUser AliceUser = User(Alice, "Alice");
    private FeatureHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Now);
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted);
        _pair = await _h.PairAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task RitualAsync(string subcommand, params InteractionOption[] options) =>
        RunAsync(_h.Api, Command(Guild, HomeChannel, AliceUser, "ritual", subcommand, options), c => _h.Get<RitualCommand>().HandleAsync(c));

    private Task SetMondayAt14Async(params InteractionOption[] more) =>
        RitualAsync("set", [Text("day", "monday"), Text("time", "14h"), Text("timezone", "europe/paris"), .. more]);

    private Task<IReadOnlyList<Session>> UnfinishedAsync() => _h.Get<SessionRepository>().ListUnfinishedForPairAsync(_pair.Id);

    [Fact]
    public async Task Setting_a_ritual_replies_with_the_next_occurrences_and_tells_the_partner()
    {
        await SetMondayAt14Async();

        var reply = _h.Api.LastReplyText();
        Assert.Contains("every Monday at 14:00 (Europe/Paris), 15 minutes, reminder 10 minutes before", reply, StringComparison.Ordinal);
        Assert.Contains($"<t:{Now.AddHours(4).ToUnixTimeSeconds()}:F>", reply, StringComparison.Ordinal);
        Assert.Contains($"<t:{Now.AddHours(4).AddDays(7).ToUnixTimeSeconds()}:F>", reply, StringComparison.Ordinal);
        await _h.DrainAsync();
        var told = Assert.Single(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Bob)));
        Assert.Contains("Alice", told.Content, StringComparison.Ordinal);
        Assert.Equal(Now.AddHours(4), Assert.Single(await UnfinishedAsync()).SlotAt);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("quatorze heures")]
    public async Task A_malformed_time_is_refused_with_an_example(string time)
    {
        await RitualAsync("set", Text("day", "monday"), Text("time", time), Text("timezone", "Europe/Paris"));

        Assert.Contains("14:00, 14h30 or 2:30 pm", _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Null(await _h.Get<RitualRepository>().GetAsync(_pair.Id));
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused()
    {
        await RitualAsync("set", Text("day", "monday"), Text("time", "14:00"), Text("timezone", "Mars/Olympus"));

        Assert.Contains("Mars/Olympus", _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.True(_h.Api.LastCallback().Ephemeral);
    }

    [Fact]
    public async Task Without_a_zone_the_guild_default_is_used_else_the_user_is_asked()
    {
        await RitualAsync("set", Text("day", "monday"), Text("time", "14:00"));
        Assert.Contains("Which time zone?", _h.Api.LastReplyText(), StringComparison.Ordinal);

        await _h.Get<GuildSettingsRepository>().SaveAsync(new GuildConfig(Guild, TimeZone: "America/New_York"));
        await RitualAsync("set", Text("day", "monday"), Text("time", "2pm"));

        Assert.Equal("America/New_York", (await _h.Get<RitualRepository>().GetAsync(_pair.Id))!.Rule.TimeZoneId);
    }

    [Fact]
    public async Task Changing_the_ritual_replaces_the_planned_session()
    {
        await SetMondayAt14Async();
        var first = Assert.Single(await UnfinishedAsync());

        await RitualAsync("set", Text("day", "tuesday"), Text("time", "08:30"));

        Assert.Equal(SessionStatus.Cancelled, (await _h.Get<SessionRepository>().GetAsync(first.Id))!.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 7, 30, 0, TimeSpan.Zero), Assert.Single(await UnfinishedAsync()).SlotAt);
    }

    [Fact]
    public async Task Skipping_marks_the_next_occurrence_announced_plans_the_one_after_and_tells_the_partner()
    {
        await SetMondayAt14Async();
        var next = Assert.Single(await UnfinishedAsync());

        await RitualAsync("skip");

        var skipped = (await _h.Get<SessionRepository>().GetAsync(next.Id))!;
        Assert.Equal((SessionStatus.Skipped, SessionOutcome.Skipped, true), (skipped.Status, skipped.Outcome, skipped.SkipAnnounced));
        Assert.Equal(next.SlotAt.AddDays(7), Assert.Single(await UnfinishedAsync()).SlotAt);
        await _h.DrainAsync(); // the partner's notice leaves through the outbox
        Assert.Contains(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Bob)), m => m.Content!.Contains("skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pausing_until_a_date_cancels_planned_sessions_and_a_bad_date_is_refused()
    {
        await SetMondayAt14Async();

        await RitualAsync("pause", Text("until", "24/12"));
        Assert.Contains("2026-12-24", _h.Api.LastReplyText(), StringComparison.Ordinal);
        await RitualAsync("pause", Text("until", "2026-11-01"));
        Assert.Contains("after today", _h.Api.LastReplyText(), StringComparison.Ordinal);

        await RitualAsync("pause", Text("until", "2026-11-20"));

        var ritual = (await _h.Get<RitualRepository>().GetAsync(_pair.Id))!;
        Assert.Equal((true, new DateOnly(2026, 11, 20)), (ritual.Paused, ritual.PausedUntil));
        Assert.Empty(await UnfinishedAsync());
        Assert.Contains("until Friday 20 November 2026", _h.Api.LastReplyText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resuming_plans_the_next_session_again()
    {
        await SetMondayAt14Async();
        await RitualAsync("pause");

        await RitualAsync("resume");

        Assert.Single(await UnfinishedAsync());
        Assert.Contains("back on", _h.Api.LastReplyText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Now_plans_an_impromptu_session_due_at_once()
    {
        await RitualAsync("now", Number("duration", 20));

        var session = Assert.Single(await UnfinishedAsync());
        Assert.Equal((SessionKind.Impromptu, Now, 20), (session.Kind, session.SlotAt, session.DurationMinutes));
        var steps = await _h.Get<SessionRepository>().GetStepsAsync(session.Id);
        Assert.DoesNotContain(steps, s => s.Step == SessionStep.Remind);
        Assert.All(steps.Where(s => s.Step is SessionStep.Prepare or SessionStep.Open), s => Assert.Equal(Now, s.DueAt));
    }

    [Fact]
    public async Task Show_lists_the_ritual_and_marks_skipped_occurrences()
    {
        await SetMondayAt14Async();
        await RitualAsync("skip");

        await RitualAsync("show");

        var reply = _h.Api.LastReplyText();
        Assert.Contains("Your ritual with Bob", reply, StringComparison.Ordinal);
        Assert.Contains("— skipped", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_is_an_ics_attachment()
    {
        await SetMondayAt14Async();

        await RitualAsync("calendar");

        var file = Assert.Single(_h.Api.LastCallback().Message!.Files!);
        Assert.Equal(("crosscoaching.ics", "text/calendar"), (file.FileName, file.ContentType));
        var ics = System.Text.Encoding.UTF8.GetString(file.Content);
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=MO", ics, StringComparison.Ordinal);
        Assert.Contains("TZID=Europe/Paris", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_pair_every_subcommand_says_how_to_get_one()
    {
        await _h.Get<PairRepository>().EndAsync(_pair.Id, "test", Now);

        await RitualAsync("show");

        Assert.Contains("/pair", _h.Api.LastReplyText(), StringComparison.Ordinal);
    }
}
