using CrossCoaching.Rituals.Schedule;
using static CrossCoaching.Tests.Rituals.Schedule.ScheduleTestData;

namespace CrossCoaching.Tests.Rituals.Schedule;

public sealed class RitualScheduleMonthlyTests
{
    [Theory]
    [InlineData(RitualFrequency.First, "2026-09-02")]
    [InlineData(RitualFrequency.Second, "2026-09-09")]
    [InlineData(RitualFrequency.Third, "2026-09-16")]
    [InlineData(RitualFrequency.Fourth, "2026-09-23")]
    [InlineData(RitualFrequency.Last, "2026-09-30")]
    public void In_a_month_with_five_Wednesdays_fourth_is_never_the_fifth_and_last_is(RitualFrequency frequency, string expected)
    {
        var rule = Rule(frequency, DayOfWeek.Wednesday, "18:30", "Europe/Paris");

        Assert.Equal(Date(expected), RitualSchedule.FirstDateOnOrAfter(rule, Date("2026-09-01")));
    }

    [Fact]
    public void In_a_month_with_four_Wednesdays_fourth_and_last_are_the_same_day()
    {
        var fourth = Rule(RitualFrequency.Fourth, DayOfWeek.Wednesday, "18:30", "Europe/Paris");
        var last = fourth with { Frequency = RitualFrequency.Last };

        Assert.Equal(Date("2026-10-28"), RitualSchedule.FirstDateOnOrAfter(fourth, Date("2026-10-01")));
        Assert.Equal(Date("2026-10-28"), RitualSchedule.FirstDateOnOrAfter(last, Date("2026-10-01")));
    }

    [Fact]
    public void First_Wednesday_18_30_in_Paris_keeps_its_local_time_from_month_to_month()
    {
        var rule = Rule(RitualFrequency.First, DayOfWeek.Wednesday, "18:30", "Europe/Paris");

        var upcoming = RitualSchedule.Upcoming(rule, Utc("2026-03-01T00:00Z"), 3);

        Assert.Equal(["2026-03-04T17:30Z", "2026-04-01T16:30Z", "2026-05-06T16:30Z"], Iso(upcoming));
    }

    [Fact]
    public void Last_Wednesday_in_Paris_follows_the_autumn_change()
    {
        var rule = Rule(RitualFrequency.Last, DayOfWeek.Wednesday, "18:30", "Europe/Paris");

        var upcoming = RitualSchedule.Upcoming(rule, Utc("2026-09-01T00:00Z"), 2);

        Assert.Equal(["2026-09-30T16:30Z", "2026-10-28T17:30Z"], Iso(upcoming));
    }

    [Fact]
    public void A_monthly_slot_already_past_this_month_moves_to_next_month()
    {
        var rule = Rule(RitualFrequency.Second, DayOfWeek.Tuesday, "12:00", "Europe/Paris");

        // Tuesday 10 Mar 2026 12:00 Paris is 11:00Z; a minute later the next one is in April.
        Assert.Equal(Utc("2026-04-14T10:00Z"), RitualSchedule.NextAfter(rule, Utc("2026-03-10T11:01Z")));
    }

    [Fact]
    public void Weekly_Thursday_crosses_the_new_year()
    {
        var rule = Rule(RitualFrequency.Week, DayOfWeek.Thursday, "10:00", "Europe/Paris");

        var upcoming = RitualSchedule.Upcoming(rule, Utc("2026-12-30T00:00Z"), 2);

        Assert.Equal(["2026-12-31T09:00Z", "2027-01-07T09:00Z"], Iso(upcoming));
    }

    [Fact]
    public void Last_Friday_of_December_is_followed_by_the_last_Friday_of_January()
    {
        var rule = Rule(RitualFrequency.Last, DayOfWeek.Friday, "17:00", "Europe/Paris");

        var upcoming = RitualSchedule.Upcoming(rule, Utc("2026-12-01T00:00Z"), 2);

        Assert.Equal(["2026-12-25T16:00Z", "2027-01-29T16:00Z"], Iso(upcoming));
    }

    [Fact]
    public void First_Monday_asked_for_in_late_December_is_in_January()
    {
        var rule = Rule(RitualFrequency.First, DayOfWeek.Monday, "08:00", "America/New_York");

        Assert.Equal(Utc("2027-01-04T13:00Z"), RitualSchedule.NextAfter(rule, Utc("2026-12-20T00:00Z")));
    }
}
