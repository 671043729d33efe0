using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Progress;
using CrossCoaching.Progress.Pictures;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.Sessions.Elsewhere;
using CrossCoaching.Sessions.InRoom;

namespace CrossCoaching.Tests.Sessions;

/// <summary>The rules of talks held elsewhere, their check-in and "+5 min", without Discord.</summary>
public sealed class AroundTheTalkRulesTests
{
    private static readonly DateTimeOffset Slot = new(2026, 11, 2, 13, 0, 0, TimeSpan.Zero);

    private static Session Open(int duration = 15, int grace = 5, int extensions = 0) =>
        new(1, 1, new Snowflake(9), SessionKind.Ritual, Slot, duration, grace, SessionStatus.Open, null, false, new Snowflake(5), null, null, Slot, null)
        {
            Extensions = extensions,
        };

    private static Session Closed(SessionOutcome outcome, TalkPlace place = TalkPlace.Discord, SessionKind kind = SessionKind.Ritual) =>
        new(1, 1, new Snowflake(9), kind, Slot, 15, 5, SessionStatus.Closed, outcome, false, null, null, null, Slot, Slot.AddMinutes(20)) { Place = place };

    [Fact]
    public void Plus_five_is_allowed_three_times_and_the_fourth_is_refused() =>
        Assert.Equal(
            [ExtensionRefusal.None, ExtensionRefusal.None, ExtensionRefusal.None, ExtensionRefusal.NoMoreExtensions],
            Enumerable.Range(0, 4).Select(n => ExtensionRule.Check(Open(15 + 5 * n, extensions: n), Slot, 120, null)));

    [Fact]
    public void Plus_five_never_goes_past_the_maximum_duration() =>
        Assert.Equal(ExtensionRefusal.TooLong, ExtensionRule.Check(Open(duration: 118), Slot, 120, null));

    [Fact]
    public void Plus_five_never_makes_the_room_close_after_the_next_session_starts()
    {
        // Closes at slot + 20; five more would be slot + 25.
        Assert.Equal(ExtensionRefusal.NextSessionTooClose, ExtensionRule.Check(Open(), Slot, 120, Slot.AddMinutes(24)));
        Assert.Equal(ExtensionRefusal.None, ExtensionRule.Check(Open(), Slot, 120, Slot.AddMinutes(25)));
    }

    [Fact]
    public void Plus_five_is_refused_once_the_session_is_over_or_its_close_is_due() =>
        Assert.Equal(
            [ExtensionRefusal.NotRunning, ExtensionRefusal.NotRunning],
            new[] { ExtensionRule.Check(Open() with { Status = SessionStatus.Closed }, Slot, 120, null), ExtensionRule.Check(Open(), Slot.AddMinutes(20), 120, null) });

    [Fact]
    public void Both_claims_make_a_held_session_a_lone_claim_a_partial_one_and_none_a_miss() =>
        Assert.Equal(
            [SessionOutcome.Missed, SessionOutcome.Partial, SessionOutcome.Held],
            new[] { 0, 1, 2 }.Select(CheckInRule.OutcomeOf));

    [Fact]
    public void The_check_in_is_offered_after_a_talk_held_elsewhere_or_an_empty_room_and_never_for_an_impromptu_session()
    {
        Assert.True(CheckInRule.IsOffered(Closed(SessionOutcome.Missed, TalkPlace.Phone)));
        Assert.True(CheckInRule.IsOffered(Closed(SessionOutcome.Missed)));
        Assert.True(CheckInRule.IsOffered(Closed(SessionOutcome.Partial, TalkPlace.Walk)));
        Assert.False(CheckInRule.IsOffered(Closed(SessionOutcome.Held)));
        Assert.False(CheckInRule.IsOffered(Closed(SessionOutcome.Missed, kind: SessionKind.Impromptu)));
    }

    [Fact]
    public void The_check_in_closes_a_week_after_the_session()
    {
        var session = Closed(SessionOutcome.Missed, TalkPlace.Phone);
        Assert.True(CheckInRule.IsOpen(session, session.ClosedAt!.Value.AddDays(7)));
        Assert.False(CheckInRule.IsOpen(session, session.ClosedAt!.Value.AddDays(7).AddMinutes(1)));
    }

    [Fact]
    public void A_talk_held_elsewhere_is_painted_in_its_own_colour_and_counts_as_held_in_the_streak()
    {
        var elsewhere = Closed(SessionOutcome.Held, TalkPlace.InPerson);
        Assert.Equal(PictureOutcome.HeldElsewhere, PictureOutcomes.Of(elsewhere));
        Assert.Equal(PictureOutcome.Held, PictureOutcomes.Of(Closed(SessionOutcome.Held)));
        Assert.Equal(PictureOutcome.Partial, PictureOutcomes.Of(Closed(SessionOutcome.Partial, TalkPlace.Phone)));
        Assert.Equal(Tally.Held, SessionTally.Of(elsewhere));
    }

    [Fact]
    public void A_ritual_held_elsewhere_says_where_in_English_and_French_and_one_in_Discord_says_nothing_more()
    {
        var rule = new RitualRule(RitualFrequency.Week, DayOfWeek.Monday, new TimeOnly(14, 0), "Europe/Paris", new DateOnly(2026, 11, 2));
        var ritual = new Ritual(1, rule, 15, 10, false, null, Slot, new Snowflake(1));

        Assert.EndsWith("reminder 10 minutes before", RitualDescription.Describe(ritual, Lang.En), StringComparison.Ordinal);
        Assert.EndsWith(", by phone (outside Discord: no room is opened)", RitualDescription.Describe(ritual with { Place = TalkPlace.Phone }, Lang.En), StringComparison.Ordinal);
        Assert.EndsWith(", en personne (hors de Discord : aucun salon n'est ouvert)", RitualDescription.Describe(ritual with { Place = TalkPlace.InPerson }, Lang.Fr), StringComparison.Ordinal);
    }

    [Fact]
    public void The_personal_export_says_where_the_ritual_is_held()
    {
        var exported = new CrossCoaching.Privacy.ExportRitual("week", "Monday", "14:00", "Europe/Paris", 15, 10, false, null, Slot, true, "phone");
        Assert.EndsWith(", by phone (outside Discord: no room is opened)", CrossCoaching.Privacy.ExportWords.ForRitual(exported, Lang.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_place_has_a_stored_code_that_reads_back_and_a_choice_in_both_languages()
    {
        foreach (var place in TalkPlaces.All)
            Assert.Equal(place, TalkPlaces.Parse(place.Code()));
        Assert.Equal(["discord", "phone", "walk", "in_person", "elsewhere"], TalkPlaces.Choices().Select(c => c.Value));
        Assert.All(TalkPlaces.Choices(), c => Assert.NotEqual(c.Name, c.NameLocalizations!.ByLocale.Values.Single()));
    }

    [Fact]
    public void An_elsewhere_session_plans_only_its_reminder_and_its_close()
    {
        var session = Open() with { Status = SessionStatus.Scheduled, RoomChannelId = null, Place = TalkPlace.Walk };
        var steps = SessionPlanner.Steps(session, 10, TimeSpan.FromMinutes(1), Slot.AddDays(-1));
        Assert.Equal([(SessionStep.Remind, Slot.AddMinutes(-10)), (SessionStep.Close, Slot.AddMinutes(20))], steps);
    }
}
