using CrossCoaching.Rituals.Schedule;
using Ical.Net;
using Ical.Net.DataTypes;
using static CrossCoaching.Tests.Rituals.Schedule.ScheduleTestData;

namespace CrossCoaching.Tests.Rituals.Schedule;

public sealed class RitualCalendarTests
{
    private const string Uid = "ritual-42@crosscoaching";

    private static string Ics(RitualRule rule, string from, params DateTimeOffset[] skipped) =>
        RitualCalendar.ToIcs(rule, 15, skipped, Uid, "Binôme: Ana & Léo", "15 minutes, no agenda.\nSee you there!", Utc(from));

    // What a calendar app would show: the file read back by Ical.Net and expanded from the given instant.
    private static string[] ReadBack(string ics, string from, int count) =>
        Iso(Calendar.Load(ics)!.GetOccurrences(new CalDateTime(Utc(from).UtcDateTime, CalDateTime.UtcTzId), null)
            .Take(count).Select(o => new DateTimeOffset(o.Period.StartTime.AsUtc, TimeSpan.Zero)));

    [Fact]
    public void First_Wednesday_ics_gives_the_same_occurrences_as_the_schedule()
    {
        var rule = Rule(RitualFrequency.First, DayOfWeek.Wednesday, "18:30", "Europe/Paris");

        var ics = Ics(rule, "2026-02-10T00:00Z");

        Assert.Equal(Iso(RitualSchedule.Upcoming(rule, Utc("2026-02-10T00:00Z"), 5)), ReadBack(ics, "2026-02-10T00:00Z", 5));
        Assert.Contains("RRULE:FREQ=MONTHLY;BYDAY=1WE\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20260304T183000\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DURATION:PT15M\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:{Uid}\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20260210T000000Z\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_two_weeks_ics_across_the_spring_change_excludes_the_skipped_date_like_the_schedule()
    {
        var rule = Rule(RitualFrequency.TwoWeeks, DayOfWeek.Monday, "14:00", "Europe/Paris", anchor: "2026-03-16");
        var skipped = Utc("2026-04-13T12:00Z");

        var ics = Ics(rule, "2026-03-10T00:00Z", skipped);

        var expected = RitualSchedule.Upcoming(rule, Utc("2026-03-10T00:00Z"), 6).Where(i => i != skipped).ToList();
        Assert.Equal(["2026-03-16T13:00Z", "2026-03-30T12:00Z", "2026-04-27T12:00Z", "2026-05-11T12:00Z", "2026-05-25T12:00Z"], Iso(expected));
        Assert.Equal(Iso(expected), ReadBack(ics, "2026-03-10T00:00Z", 5));
        Assert.Contains("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("EXDATE;TZID=Europe/Paris:20260413T140000\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_two_weeks_ics_keeps_the_parity_of_the_anchor_whatever_the_start()
    {
        var rule = Rule(RitualFrequency.TwoWeeks, DayOfWeek.Monday, "14:00", "Europe/Paris", anchor: "2026-03-16");

        // From Tuesday 17 Mar the next slot is 30 Mar, not 23 Mar: DTSTART carries the parity into the RRULE.
        var ics = Ics(rule, "2026-03-17T00:00Z");

        Assert.Contains("DTSTART;TZID=Europe/Paris:20260330T140000\r\n", ics, StringComparison.Ordinal);
        Assert.Equal(Iso(RitualSchedule.Upcoming(rule, Utc("2026-03-17T00:00Z"), 4)), ReadBack(ics, "2026-03-17T00:00Z", 4));
    }

    [Theory]
    [InlineData(RitualFrequency.Week, "FREQ=WEEKLY;BYDAY=TH")]
    [InlineData(RitualFrequency.Second, "FREQ=MONTHLY;BYDAY=2TH")]
    [InlineData(RitualFrequency.Fourth, "FREQ=MONTHLY;BYDAY=4TH")]
    [InlineData(RitualFrequency.Last, "FREQ=MONTHLY;BYDAY=-1TH")]
    public void Each_frequency_becomes_its_rrule_and_agrees_with_the_schedule(RitualFrequency frequency, string rrule)
    {
        var rule = Rule(frequency, DayOfWeek.Thursday, "09:15", "America/New_York");

        var ics = Ics(rule, "2026-01-01T00:00Z");

        Assert.Contains($"RRULE:{rrule}\r\n", ics, StringComparison.Ordinal);
        Assert.Equal(Iso(RitualSchedule.Upcoming(rule, Utc("2026-01-01T00:00Z"), 12)), ReadBack(ics, "2026-01-01T00:00Z", 12));
    }

    [Fact]
    public void A_skipped_slot_moved_by_the_spring_gap_is_excluded_too()
    {
        var rule = Rule(RitualFrequency.Week, DayOfWeek.Sunday, "02:30", "Europe/Paris");
        var skipped = Utc("2026-03-29T01:30Z");

        var ics = Ics(rule, "2026-03-20T00:00Z", skipped);

        Assert.Contains("EXDATE;TZID=Europe/Paris:20260329T023000\r\n", ics, StringComparison.Ordinal);
        Assert.Equal(["2026-03-22T01:30Z", "2026-04-05T00:30Z"], ReadBack(ics, "2026-03-20T00:00Z", 2));
    }

    [Fact]
    public void A_skipped_first_slot_starts_the_series_at_the_next_one()
    {
        var rule = Rule(RitualFrequency.Week, DayOfWeek.Monday, "14:00", "Europe/Paris");

        var ics = Ics(rule, "2026-03-20T00:00Z", Utc("2026-03-23T13:00Z"), Utc("2026-01-05T13:00Z"), Utc("2026-04-01T10:00Z"));

        Assert.Contains("DTSTART;TZID=Europe/Paris:20260330T140000\r\n", ics, StringComparison.Ordinal);
        // Skips before the series and instants that are no slot are left out rather than written as noise.
        Assert.DoesNotContain("EXDATE", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_commas_semicolons_and_line_breaks_reads_back_intact()
    {
        var rule = Rule(RitualFrequency.Week, DayOfWeek.Monday, "14:00", "Asia/Kolkata");

        var ics = RitualCalendar.ToIcs(rule, 20, [], Uid, "Dialogue éclair; Ana, Léo", "Ligne 1\nLigne 2, fin.", Utc("2026-03-01T00:00Z"));

        var ritual = Assert.Single(Calendar.Load(ics)!.Events);
        Assert.Equal("Dialogue éclair; Ana, Léo", ritual.Summary);
        Assert.Equal("Ligne 1\nLigne 2, fin.", ritual.Description);
        Assert.Equal(TimeSpan.FromMinutes(20), ritual.Duration!.Value.ToTimeSpanUnspecified());
        Assert.Equal(Uid, ritual.Uid);
    }

    [Fact]
    public void A_utc_ritual_is_written_in_utc_without_a_time_zone_definition()
    {
        var rule = Rule(RitualFrequency.Week, DayOfWeek.Monday, "14:00", "UTC");

        var ics = Ics(rule, "2026-03-01T00:00Z");

        Assert.Contains("DTSTART:20260302T140000Z\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("VTIMEZONE", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zone_the_library_does_not_know_is_left_without_a_definition()
    {
        var calendar = new Calendar();

        Assert.False(RitualCalendar.TryAddTimeZone(calendar, "Mars/Olympus_Mons", new DateTime(2026, 3, 1)));
        Assert.True(RitualCalendar.TryAddTimeZone(calendar, "Europe/Paris", new DateTime(2026, 3, 1)));
        Assert.Equal("Europe/Paris", Assert.Single(calendar.TimeZones).TzId);
    }

    [Fact]
    public void An_unknown_zone_or_an_empty_duration_is_refused()
    {
        var rule = Rule(RitualFrequency.Week, DayOfWeek.Monday, "14:00", "Mars/Olympus_Mons");

        Assert.Throws<ArgumentException>(() => Ics(rule, "2026-03-01T00:00Z"));
        Assert.Throws<ArgumentOutOfRangeException>(() => RitualCalendar.ToIcs(rule with { TimeZoneId = "Europe/Paris" }, 0, [], Uid, "s", "d", Utc("2026-03-01T00:00Z")));
    }
}
