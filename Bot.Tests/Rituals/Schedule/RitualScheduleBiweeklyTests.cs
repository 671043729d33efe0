using CrossCoaching.Rituals.Schedule;
using static CrossCoaching.Tests.Rituals.Schedule.ScheduleTestData;

namespace CrossCoaching.Tests.Rituals.Schedule;

public sealed class RitualScheduleBiweeklyTests
{
    [Fact]
    public void Every_two_weeks_keeps_the_parity_of_its_anchor_across_the_spring_change()
    {
        var rule = Rule(RitualFrequency.TwoWeeks, DayOfWeek.Monday, "14:00", "Europe/Paris", anchor: "2026-03-16");

        var upcoming = RitualSchedule.Upcoming(rule, Utc("2026-03-10T00:00Z"), 4);

        Assert.Equal(["2026-03-16T13:00Z", "2026-03-30T12:00Z", "2026-04-13T12:00Z", "2026-04-27T12:00Z"], Iso(upcoming));
    }

    [Fact]
    public void Every_two_weeks_keeps_its_parity_across_a_year_with_53_iso_weeks()
    {
        // 2026 has 53 ISO weeks, so "even week number" would break the rhythm on 4 Jan 2027; 14-day steps do not.
        var rule = Rule(RitualFrequency.TwoWeeks, DayOfWeek.Monday, "14:00", "Europe/Paris", anchor: "2026-12-21");

        var upcoming = RitualSchedule.Upcoming(rule, Utc("2026-12-20T00:00Z"), 3);

        Assert.Equal(["2026-12-21T13:00Z", "2027-01-04T13:00Z", "2027-01-18T13:00Z"], Iso(upcoming));
    }

    [Fact]
    public void Every_two_weeks_counts_from_an_anchor_long_past()
    {
        var rule = Rule(RitualFrequency.TwoWeeks, DayOfWeek.Monday, "14:00", "Europe/Paris", anchor: "2025-01-06");

        var upcoming = RitualSchedule.Upcoming(rule, Utc("2026-06-01T00:00Z"), 5);

        Assert.All(upcoming, i =>
            Assert.Equal(0, (DateOnly.FromDateTime(Local(i, "Europe/Paris")).DayNumber - Date("2025-01-06").DayNumber) % 14));
        Assert.Equal("2026-06-08T12:00Z", Iso(upcoming)[0]);
    }

    [Fact]
    public void An_anchor_on_another_weekday_sets_the_parity_by_its_monday_to_sunday_week()
    {
        // Anchor Wednesday 18 Mar 2026: its week starts Monday 16 Mar, so the Mondays of 30 Mar, 13 Apr… are in.
        var rule = Rule(RitualFrequency.TwoWeeks, DayOfWeek.Monday, "14:00", "Europe/Paris", anchor: "2026-03-18");

        Assert.Equal(Utc("2026-03-30T12:00Z"), RitualSchedule.NextAfter(rule, Utc("2026-03-17T00:00Z")));
    }

    [Theory]
    [InlineData(RitualFrequency.Week, "2026-03-23T13:00Z")]
    [InlineData(RitualFrequency.TwoWeeks, "2026-03-30T12:00Z")]
    public void NextAfter_right_at_an_occurrence_returns_the_next_one(RitualFrequency frequency, string expected)
    {
        var rule = Rule(frequency, DayOfWeek.Monday, "14:00", "Europe/Paris", anchor: "2026-03-16");
        var occurrence = Utc("2026-03-16T13:00Z");

        Assert.Equal(Utc(expected), RitualSchedule.NextAfter(rule, occurrence));
        Assert.Equal(occurrence, RitualSchedule.NextAfter(rule, occurrence.AddTicks(-1)));
    }

    [Theory]
    [InlineData("2026-03-16T12:59Z", "2026-03-16")]
    [InlineData("2026-03-16T13:00Z", "2026-03-23")]
    public void The_anchor_is_the_local_date_of_the_next_slot(string now, string expected)
    {
        Assert.Equal(Date(expected), RitualSchedule.AnchorFor(DayOfWeek.Monday, new TimeOnly(14, 0), Zone("Europe/Paris"), Utc(now)));
    }

    [Fact]
    public void The_anchor_is_a_date_in_the_ritual_zone_not_in_utc()
    {
        // Sunday 15 Mar 2026 18:00Z is already Monday 16 Mar 07:00 in Auckland (+13), before an 08:00 slot.
        var anchor = RitualSchedule.AnchorFor(DayOfWeek.Monday, new TimeOnly(8, 0), Zone("Pacific/Auckland"), Utc("2026-03-15T18:00Z"));

        Assert.Equal(Date("2026-03-16"), anchor);
    }

    [Fact]
    public void A_zone_unknown_on_this_machine_has_no_occurrences()
    {
        var rule = Rule(RitualFrequency.Week, DayOfWeek.Monday, "14:00", "Mars/Olympus_Mons");

        Assert.Null(RitualSchedule.NextAfter(rule, Utc("2026-03-01T00:00Z")));
        Assert.Empty(RitualSchedule.Upcoming(rule, Utc("2026-03-01T00:00Z"), 3));
    }

    [Fact]
    public void Upcoming_gives_exactly_the_count_asked_and_refuses_a_negative_one()
    {
        var rule = Rule(RitualFrequency.Week, DayOfWeek.Monday, "14:00", "Europe/Paris");

        Assert.Empty(RitualSchedule.Upcoming(rule, Utc("2026-03-01T00:00Z"), 0));
        Assert.Equal(52, RitualSchedule.Upcoming(rule, Utc("2026-03-01T00:00Z"), 52).Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => RitualSchedule.Upcoming(rule, Utc("2026-03-01T00:00Z"), -1));
    }
}
