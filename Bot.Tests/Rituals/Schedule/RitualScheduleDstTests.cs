using CrossCoaching.Rituals.Schedule;
using static CrossCoaching.Tests.Rituals.Schedule.ScheduleTestData;

namespace CrossCoaching.Tests.Rituals.Schedule;

public sealed class RitualScheduleDstTests
{
    [Theory]
    [InlineData("Europe/Paris", "2026-03-20T00:00Z", "2026-03-23T13:00Z", "2026-03-30T12:00Z")]
    [InlineData("Europe/Paris", "2026-10-16T00:00Z", "2026-10-19T12:00Z", "2026-10-26T13:00Z")]
    [InlineData("America/New_York", "2026-02-27T00:00Z", "2026-03-02T19:00Z", "2026-03-09T18:00Z")]
    [InlineData("America/New_York", "2026-10-23T00:00Z", "2026-10-26T18:00Z", "2026-11-02T19:00Z")]
    public void Weekly_Monday_14_00_keeps_its_local_time_across_daylight_saving_changes(string zone, string after, string first, string second)
    {
        var upcoming = RitualSchedule.Upcoming(Rule(RitualFrequency.Week, DayOfWeek.Monday, "14:00", zone), Utc(after), 2);

        Assert.Equal([first, second], Iso(upcoming));
        Assert.All(upcoming, i => Assert.Equal(new TimeOnly(14, 0), TimeOnly.FromDateTime(Local(i, zone))));
    }

    [Fact]
    public void Ritual_at_02_30_on_spring_forward_day_moves_to_03_30()
    {
        var rule = Rule(RitualFrequency.Week, DayOfWeek.Sunday, "02:30", "Europe/Paris");

        var upcoming = RitualSchedule.Upcoming(rule, Utc("2026-03-28T00:00Z"), 2);

        Assert.Equal(["2026-03-29T01:30Z", "2026-04-05T00:30Z"], Iso(upcoming));
        Assert.Equal("2026-03-29 03:30 +02:00", Wall(upcoming[0], "Europe/Paris"));
        Assert.Equal("2026-04-05 02:30 +02:00", Wall(upcoming[1], "Europe/Paris"));
    }

    [Fact]
    public void Ritual_at_02_30_on_New_York_spring_forward_day_moves_to_03_30_EDT()
    {
        var rule = Rule(RitualFrequency.Week, DayOfWeek.Sunday, "02:30", "America/New_York");

        var upcoming = RitualSchedule.Upcoming(rule, Utc("2026-03-07T00:00Z"), 2);

        Assert.Equal(["2026-03-08T07:30Z", "2026-03-15T06:30Z"], Iso(upcoming));
        Assert.Equal("2026-03-08 03:30 -04:00", Wall(upcoming[0], "America/New_York"));
    }

    [Fact]
    public void A_half_hour_gap_moves_the_slot_by_half_an_hour()
    {
        // Lord Howe Island moves from +10:30 to +11:00 at 02:00 on 4 Oct 2026: 02:15 does not exist that day.
        var instant = RitualSchedule.ToInstant(Date("2026-10-04"), new TimeOnly(2, 15), Zone("Australia/Lord_Howe"));

        Assert.Equal(Utc("2026-10-03T15:45Z"), instant);
        Assert.Equal("2026-10-04 02:45 +11:00", Wall(instant, "Australia/Lord_Howe"));
    }

    [Theory]
    [InlineData("Europe/Paris", DayOfWeek.Sunday, "02:30", "2026-10-24T00:00Z", "2026-10-25T00:30Z", "2026-11-01T01:30Z")]
    [InlineData("America/New_York", DayOfWeek.Sunday, "01:30", "2026-10-31T00:00Z", "2026-11-01T05:30Z", "2026-11-08T06:30Z")]
    public void An_ambiguous_time_on_fall_back_day_takes_the_first_instant(string zone, DayOfWeek day, string time, string after, string first, string second)
    {
        var upcoming = RitualSchedule.Upcoming(Rule(RitualFrequency.Week, day, time, zone), Utc(after), 2);

        Assert.Equal([first, second], Iso(upcoming));
    }

    [Fact]
    public void An_ambiguous_slot_happens_once_even_when_asked_between_its_two_instants()
    {
        // 00:45Z on 25 Oct 2026 is between 02:30 CEST (00:30Z) and 02:30 CET (01:30Z): the second one is no slot.
        var rule = Rule(RitualFrequency.Week, DayOfWeek.Sunday, "02:30", "Europe/Paris");

        Assert.Equal(Utc("2026-11-01T01:30Z"), RitualSchedule.NextAfter(rule, Utc("2026-10-25T00:45Z")));
    }

    [Theory]
    [InlineData("2026-03-27T00:00Z", "2026-03-29T22:00Z", "2026-04-05T23:00Z")]
    [InlineData("2026-09-25T00:00Z", "2026-09-27T23:00Z", "2026-10-04T22:00Z")]
    public void Weekly_slot_in_Sydney_keeps_its_local_time_across_southern_daylight_saving_changes(string after, string first, string second)
    {
        // Sydney leaves daylight time on 5 Apr 2026 (+11 → +10) and enters it on 4 Oct 2026 (+10 → +11).
        var rule = Rule(RitualFrequency.Week, DayOfWeek.Monday, "09:00", "Australia/Sydney");

        var upcoming = RitualSchedule.Upcoming(rule, Utc(after), 2);

        Assert.Equal([first, second], Iso(upcoming));
        Assert.All(upcoming, i => Assert.EndsWith(" 09:00", Wall(i, "Australia/Sydney")[..16], StringComparison.Ordinal));
    }

    [Fact]
    public void Monday_09_00_in_Kolkata_is_03_30_utc()
    {
        var rule = Rule(RitualFrequency.Week, DayOfWeek.Monday, "09:00", "Asia/Kolkata");

        Assert.Equal(Utc("2026-03-02T03:30Z"), RitualSchedule.NextAfter(rule, Utc("2026-03-01T00:00Z")));
    }
}
