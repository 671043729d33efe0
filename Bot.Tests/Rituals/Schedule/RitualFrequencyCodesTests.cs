using CrossCoaching.Rituals.Schedule;

namespace CrossCoaching.Tests.Rituals.Schedule;

public sealed class RitualFrequencyCodesTests
{
    [Fact]
    public void Every_frequency_has_its_code_and_reads_back_from_it()
    {
        var frequencies = Enum.GetValues<RitualFrequency>();

        Assert.Equal(["week", "2weeks", "first", "second", "third", "fourth", "last"], frequencies.Select(f => f.Code()));
        Assert.Equal(RitualFrequencyCodes.All, frequencies.Select(f => f.Code()));
        foreach (var frequency in frequencies)
        {
            Assert.True(RitualFrequencyCodes.TryParse(frequency.Code(), out var read));
            Assert.Equal(frequency, read);
        }
    }

    [Theory]
    [InlineData(" 2WEEKS ", RitualFrequency.TwoWeeks)]
    [InlineData("Last", RitualFrequency.Last)]
    public void Reading_a_code_ignores_case_and_surrounding_spaces(string code, RitualFrequency expected)
    {
        Assert.True(RitualFrequencyCodes.TryParse(code, out var read));
        Assert.Equal(expected, read);
    }

    [Theory]
    [InlineData("fifth")]
    [InlineData("TwoWeeks")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_codes_are_refused(string? code)
    {
        Assert.False(RitualFrequencyCodes.TryParse(code, out _));
    }

    [Fact]
    public void Only_the_weekday_of_the_month_frequencies_are_monthly()
    {
        Assert.Equal(
            [RitualFrequency.First, RitualFrequency.Second, RitualFrequency.Third, RitualFrequency.Fourth, RitualFrequency.Last],
            Enum.GetValues<RitualFrequency>().Where(f => f.IsMonthly()));
    }
}
