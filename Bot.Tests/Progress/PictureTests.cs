using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Progress;
using CrossCoaching.Progress.Pictures;
using CrossCoaching.Sessions;
using static CrossCoaching.Tests.Progress.ProgressHarness;

namespace CrossCoaching.Tests.Progress;

public sealed class PictureTests : IAsyncLifetime
{
    private static readonly Snowflake Carol = new(4), Dave = new(5);
    private ProgressHarness _h = null!;
    private Pair _pair = null!;

    /// <summary>The pair's history, week by week (week 1 is the week it formed), and what each week's cell must show.</summary>
    private static readonly (int Week, SessionStatus Status, SessionOutcome? Outcome, bool Announced, PictureOutcome Shown)[] History =
    [
        (1, SessionStatus.Closed, SessionOutcome.Held, false, PictureOutcome.Held),
        (2, SessionStatus.Closed, SessionOutcome.Held, false, PictureOutcome.Held),
        (3, SessionStatus.Closed, SessionOutcome.Partial, false, PictureOutcome.Partial),
        (4, SessionStatus.Closed, SessionOutcome.Missed, false, PictureOutcome.Missed),
        (5, SessionStatus.Skipped, SessionOutcome.Skipped, true, PictureOutcome.Skipped),
        (6, SessionStatus.Failed, null, false, PictureOutcome.FailedByBot),
        (7, SessionStatus.Closed, SessionOutcome.Held, false, PictureOutcome.Held),
    ];

    public async Task InitializeAsync()
    {
        _h = await CreateAsync();
        _pair = await _h.PairAsync();
        await _h.RitualAsync(_pair);
        foreach (var (week, status, outcome, announced, _) in History)
            await _h.SessionAsync(_pair, Week(week), status, outcome, skipAnnounced: announced);
        _h.Time.SetUtcNow(Week(8).AddHours(-2));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<MessageSpec> StatsAsync(Snowflake user, Permissions permissions = Permissions.None, string locale = "en-US")
    {
        using var context = new InteractionContext(Command(user, permissions, locale), _h.Api, _h.Time.GetUtcNow());
        await _h.Get<StatsCommand>().HandleAsync(context);
        return _h.Api.Callbacks.Last().Message!;
    }

    [Fact]
    public async Task Stats_attach_a_picture_whose_cells_are_coloured_by_each_weeks_outcome()
    {
        var reply = await StatsAsync(Alice);

        var file = Assert.Single(reply.Files!);
        Assert.Equal(("ritual.png", "image/png"), (file.FileName, file.ContentType));
        Assert.InRange(file.Content.Length, 1, 100 * 1024);
        using var picture = new PictureReader(file);
        Assert.Equal(PairPictureLayout.Width, picture.Width);
        foreach (var (week, _, _, _, shown) in History)
            Assert.Equal(shown, picture.OutcomeAt(PairPictureLayout.CellCentre(week - 1, 0)));
        // The eighth week has not had its session yet: an empty week, in no outcome's colour.
        Assert.Equal(Palette.EmptyWeek, picture.At(PairPictureLayout.CellCentre(7, 0)));
        Assert.Equal(Palette.Background, picture.At(PairPictureLayout.CellCentre(8, 0)));
    }

    [Fact]
    public async Task The_pictures_description_names_the_streak_and_the_counts_for_screen_readers()
    {
        var english = Assert.Single((await StatsAsync(Alice)).Files!).Description;
        var frenchFile = Assert.Single((await StatsAsync(Alice, locale: "fr")).Files!);
        using var frenchPicture = new PictureReader(frenchFile);
        var french = frenchFile.Description;

        Assert.Equal(
            "Your ritual since 2 November 2026, 7 sessions: 3 held, 1 partial, 1 missed, 1 skipped, 1 failed by the bot. " +
            "Current streak: 1 held in a row; longest streak: 2. 0 minutes together.", english);
        Assert.Equal(
            "Votre rituel depuis le 2 novembre 2026, 7 séances — tenues : 3 ; partielles : 1 ; manquées : 1 ; passées : 1 ; échouées du fait du bot : 1. " +
            "Série en cours : 1 séances tenues d'affilée ; record : 2. 0 minutes ensemble.", french);
    }

    [Fact]
    public async Task A_second_session_in_a_week_stacks_under_the_first_and_impromptu_or_cancelled_ones_are_left_out()
    {
        await _h.SessionAsync(_pair, Week(7).AddDays(2), SessionStatus.Closed, SessionOutcome.Missed);
        await _h.SessionAsync(_pair, Week(7).AddDays(3), SessionStatus.Closed, SessionOutcome.Held, SessionKind.Impromptu);
        await _h.SessionAsync(_pair, Week(6).AddDays(1), SessionStatus.Cancelled);

        using var picture = new PictureReader(Assert.Single((await StatsAsync(Alice)).Files!));

        Assert.Equal(PictureOutcome.Held, picture.OutcomeAt(PairPictureLayout.CellCentre(6, 0)));
        Assert.Equal(PictureOutcome.Missed, picture.OutcomeAt(PairPictureLayout.CellCentre(6, 1)));
        Assert.Null(picture.OutcomeAt(PairPictureLayout.CellCentre(5, 1)));
    }

    [Fact]
    public async Task A_session_missed_while_the_bot_was_down_is_coloured_like_one_the_bot_failed_to_hold_not_as_missed()
    {
        // Status Missed is what the runner records when the slot passed before the room could open (the bot was down).
        await _h.SessionAsync(_pair, Week(8), SessionStatus.Missed, SessionOutcome.Missed);
        _h.Time.SetUtcNow(Week(9).AddHours(-2));

        var file = Assert.Single((await StatsAsync(Alice)).Files!);
        using var picture = new PictureReader(file);

        Assert.Equal(PictureOutcome.FailedByBot, picture.OutcomeAt(PairPictureLayout.CellCentre(7, 0)));
        Assert.Contains("1 missed, 1 skipped, 2 failed by the bot", file.Description, StringComparison.Ordinal);
        // The streak was not broken by it either (the held session of week 7 still counts).
        Assert.Contains("Current streak: 1 held in a row", file.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_old_pair_sees_its_last_26_weeks_with_the_newest_on_the_right()
    {
        _h.Time.SetUtcNow(Week(40).AddHours(-2));
        await _h.SessionAsync(_pair, Week(39), SessionStatus.Closed, SessionOutcome.Missed);
        await _h.SessionAsync(_pair, Week(14), SessionStatus.Closed, SessionOutcome.Held);

        var file = Assert.Single((await StatsAsync(Alice)).Files!);
        using var picture = new PictureReader(file);

        // Week 40 is the 26th column; week 15 the first, so week 14 and older are out of the picture.
        Assert.Equal(PictureOutcome.Missed, picture.OutcomeAt(PairPictureLayout.CellCentre(24, 0)));
        Assert.Equal(Palette.EmptyWeek, picture.At(PairPictureLayout.CellCentre(0, 0)));
        Assert.StartsWith("Your ritual over the last 26 weeks, 1 sessions: 1 missed.", file.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Managers_also_get_the_servers_sessions_per_week_stacked_by_outcome()
    {
        var other = await _h.PairAsync(Carol, Dave, "Carol", "Dave");
        await _h.SessionAsync(other, Week(7).AddHours(1), SessionStatus.Closed, SessionOutcome.Held);
        await _h.SessionAsync(other, Week(7).AddHours(2), SessionStatus.Closed, SessionOutcome.Missed);

        var member = await StatsAsync(Alice);
        var manager = await StatsAsync(Alice, Permissions.ManageGuild);

        Assert.Equal(["ritual.png"], member.Files!.Select(f => f.FileName));
        Assert.Equal(["ritual.png", "server.png"], manager.Files!.Select(f => f.FileName));
        var server = manager.Files![1];
        Assert.Equal(
            "Sessions in this server per week over the last 12 weeks, 9 in all: 4 held, 1 partial, 2 missed, 1 skipped, 1 failed by the bot. At most 3 in one week.",
            server.Description);
        using var chart = new PictureReader(server);
        const int Weeks = ProgressPictures.ServerWeeks, Axis = 4;
        // Week 7 of the pair is the 11th of the last 12: held 2 at the bottom, then missed 1.
        Assert.Equal(PictureOutcome.Held, chart.OutcomeAt(ServerChartLayout.SegmentCentre(10, Weeks, 0, 2, Axis)));
        Assert.Equal(PictureOutcome.Missed, chart.OutcomeAt(ServerChartLayout.SegmentCentre(10, Weeks, 2, 3, Axis)));
        Assert.Equal(PictureOutcome.FailedByBot, chart.OutcomeAt(ServerChartLayout.SegmentCentre(9, Weeks, 0, 1, Axis)));
        Assert.Equal(Palette.Background, chart.At(ServerChartLayout.SegmentCentre(11, Weeks, 0, 1, Axis)));
    }

    [Theory]
    [InlineData("en-US", "Round 1, 5 sessions: 2 held, 1 partial, 1 missed, 1 skipped. Current streak: 1 held in a row.")]
    [InlineData("fr", "Cycle 1, 5 séances — tenues : 2 ; partielles : 1 ; manquées : 1 ; passées : 1. Série en cours : 1 séances tenues d'affilée.")]
    public async Task The_round_end_question_carries_the_rounds_strip_above_its_buttons_in_the_servers_language(string locale, string description)
    {
        await _h.SetGuildAsync(language: CrossCoaching.Localization.LangExtensions.FromLocale(locale));
        var member = await StatsAsync(Alice, Permissions.ManageGuild, locale);
        using (new PictureReader(member.Files![1]))
            Assert.Equal(locale == "fr", member.Files[1].Description!.StartsWith("Séances", StringComparison.Ordinal));
        var pair = await _h.PairAsync(Carol, Dave, "Carol", "Dave");
        await _h.SessionAsync(pair, Week(8), SessionStatus.Closed, SessionOutcome.Held);
        await _h.SessionAsync(pair, Week(9), SessionStatus.Skipped, SessionOutcome.Skipped, skipAnnounced: true);
        await _h.SessionAsync(pair, Week(10), SessionStatus.Closed, SessionOutcome.Missed);
        await _h.SessionAsync(pair, Week(11), SessionStatus.Closed, SessionOutcome.Partial);

        await _h.HoldAndCloseAsync(pair, Week(12));

        var question = Assert.Single(_h.QuestionsTo(Carol));
        var strip = Assert.Single(question.Files!);
        Assert.Equal("round-1.png", strip.FileName);
        Assert.Equal(description, strip.Description);
        using var picture = new PictureReader(strip);
        PictureOutcome?[] expected = [PictureOutcome.Held, PictureOutcome.Skipped, PictureOutcome.Missed, PictureOutcome.Partial, PictureOutcome.Held];
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(i => picture.OutcomeAt(RoundStripLayout.CellCentre(i))));
        Assert.NotEmpty(question.Components!);
    }
}
