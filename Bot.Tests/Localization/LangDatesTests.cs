using CrossCoaching.Localization;

namespace CrossCoaching.Tests.Localization;

public sealed class LangDatesTests
{
    [Theory]
    [InlineData(Lang.En, 2026, 11, 20, "Friday 20 November 2026")]
    [InlineData(Lang.Fr, 2026, 11, 20, "vendredi 20 novembre 2026")]
    [InlineData(Lang.Fr, 2027, 8, 1, "dimanche 1er août 2027")]
    [InlineData(Lang.En, 2027, 8, 1, "Sunday 1 August 2027")]
    [InlineData(Lang.Fr, 2026, 2, 2, "lundi 2 février 2026")]
    public void A_long_date_reads_naturally_in_each_language(Lang lang, int year, int month, int day, string expected)
    {
        Assert.Equal(expected, lang.LongDate(new DateOnly(year, month, day)));
    }

    [Fact]
    public void Day_and_month_names_follow_the_calendar_in_both_languages()
    {
        Assert.Equal("Monday", Lang.En.DayName(DayOfWeek.Monday));
        Assert.Equal("dimanche", Lang.Fr.DayName(DayOfWeek.Sunday));
        Assert.Equal(["janvier", "décembre"], new[] { Lang.Fr.MonthName(1), Lang.Fr.MonthName(12) });
    }
}
