using CrossCoaching.Rituals.Schedule;

namespace CrossCoaching.Tests.Rituals.Schedule;

public sealed class TimeOfDayParserTests
{
    [Theory]
    [InlineData("14:00", 14, 0)]
    [InlineData("14h", 14, 0)]
    [InlineData("14h30", 14, 30)]
    [InlineData("14H30", 14, 30)]
    [InlineData("9:05", 9, 5)]
    [InlineData("09:05", 9, 5)]
    [InlineData("00:00", 0, 0)]
    [InlineData("23:59", 23, 59)]
    [InlineData("14.30", 14, 30)]
    [InlineData("2pm", 14, 0)]
    [InlineData("2 pm", 14, 0)]
    [InlineData("2:30 pm", 14, 30)]
    [InlineData("2:30PM", 14, 30)]
    [InlineData("2:30 p.m.", 14, 30)]
    [InlineData("9am", 9, 0)]
    [InlineData("12am", 0, 0)]
    [InlineData("12:15am", 0, 15)]
    [InlineData("12pm", 12, 0)]
    [InlineData("  14:00  ", 14, 0)]
    public void Accepts_the_usual_ways_of_writing_a_time(string text, int hour, int minute)
    {
        Assert.True(TimeOfDayParser.TryParse(text, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("24:00")]
    [InlineData("14:60")]
    [InlineData("13pm")]
    [InlineData("0pm")]
    [InlineData("0am")]
    [InlineData("abc")]
    [InlineData("14:0")]
    [InlineData("14:")]
    [InlineData("14")]
    [InlineData("9")]
    [InlineData("2h30pm")]
    [InlineData("14:000")]
    [InlineData("140:00")]
    [InlineData("-1:00")]
    [InlineData("14:00:00")]
    [InlineData("١٤:٠٠")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Refuses_what_is_not_a_time_of_day(string? text)
    {
        Assert.False(TimeOfDayParser.TryParse(text, out var time));
        Assert.Equal(default, time);
    }
}
