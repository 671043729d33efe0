using CrossCoaching.Discord;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.Discord;

public sealed class MarkdownTests
{
    public static TheoryData<string> Hostile => HostileNames.Data();

    [Theory]
    [MemberData(nameof(Hostile))]
    public void An_escaped_string_has_nothing_live_and_still_reads_as_written(string text)
    {
        var escaped = Markdown.Escape(text);

        Assert.All(MarkdownReader.Live(escaped), kind => Assert.True(kind.Value == 0, $"{kind.Key} survives in {escaped}"));
        Assert.Equal(text.Replace("\u200B", "", StringComparison.Ordinal), MarkdownReader.Visible(escaped));
    }

    [Theory]
    [InlineData("Jean-Pierre O'Neil", "Jean-Pierre O'Neil")]
    [InlineData("Zoé 🙂", "Zoé 🙂")]
    [InlineData("bob@example.com", "bob@example.com")]
    public void An_ordinary_name_is_left_alone(string name, string expected) => Assert.Equal(expected, Markdown.Name(name));

    [Fact]
    public void A_name_stays_on_one_line_and_loses_its_direction_overrides()
    {
        Assert.Equal("a b", Markdown.Name("a\nb"));
        Assert.Equal("evil", Markdown.Name("\u202Eevil\u202C"));
    }
}
