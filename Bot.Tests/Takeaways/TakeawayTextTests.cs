using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Privacy;
using CrossCoaching.Sessions;
using CrossCoaching.Takeaways;

namespace CrossCoaching.Tests.Takeaways;

public sealed class TakeawayTextTests
{
    private static readonly DateTimeOffset Slot = new(2026, 11, 2, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_length_counts_what_a_reader_sees_as_one_character()
    {
        Assert.Equal(3, TakeawayText.Length("é🙂a"));
        Assert.Null(TakeawayText.Clean(" \n\t"));
        Assert.Equal("text", TakeawayText.Clean("  text \n"));
    }

    [Fact]
    public void Truncating_never_splits_an_emoji()
    {
        var cut = TakeawayText.Truncate("ab🙂cd", 4);

        Assert.Equal("ab…", cut);
        Assert.Equal("abc", TakeawayText.Truncate("abc", 3));
    }

    [Theory]
    [InlineData(1000, false)]
    [InlineData(4000, true)]
    public void Two_takeaways_of_the_longest_length_fit_in_one_trail_message(int length, bool cut)
    {
        var pair = new Pair(1, new Snowflake(10), new Snowflake(1001), new Snowflake(1002), new string('A', 32), new string('B', 32),
            PairStatus.Active, 1, Slot, Slot, null);
        var session = new Session(7, 1, pair.GuildId, SessionKind.Ritual, Slot, 15, 5, SessionStatus.Closed, SessionOutcome.Held, false, null, null, null, Slot, Slot);
        var texts = new[] { new string('x', length), new string('y', length) };
        var takeaways = texts.Select((t, i) => new Takeaway(i, 7, 1, i == 0 ? pair.MemberA : pair.MemberB, i == 0 ? pair.NameA : pair.NameB, t,
            TakeawayVisibility.Public, Slot, Slot, Slot, TakeawayRoute.Trail, null)).ToList();

        var message = TrailMessage.Render(session, pair, 12, takeaways, Lang.En);

        var embed = Assert.Single(message.Embeds!);
        Assert.Null(message.Content);
        Assert.Same(AllowedMentions.None, message.Mentions);
        Assert.True(embed.Description!.Length <= TrailMessage.DescriptionLimit);
        Assert.True(embed.Title!.Length + embed.Description.Length <= TrailMessage.MessageEmbedLimit);
        Assert.Equal(cut, embed.Description.Contains('…', StringComparison.Ordinal));
        Assert.Contains(cut ? new string('x', 1900) : texts[0], embed.Description, StringComparison.Ordinal);
        Assert.Contains(cut ? new string('y', 1900) : texts[1], embed.Description, StringComparison.Ordinal);
        Assert.StartsWith("Session #12", embed.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_takeaway_beside_a_long_one_is_never_cut()
    {
        var body = TrailMessage.Body("header", [("**A**", "short"), ("**B**", new string('y', 5000))], 4096);

        Assert.Contains("\n**A**\nshort\n", body, StringComparison.Ordinal);
        Assert.Equal(4096, body.Length);
    }

    [Fact]
    public void A_forgotten_member_is_named_a_former_member_in_the_trail()
    {
        var pair = new Pair(1, new Snowflake(10), FormerMember.InSlotA, new Snowflake(1002), "", "Bob", PairStatus.Ended, 1, Slot, Slot, null);
        var session = new Session(7, 1, pair.GuildId, SessionKind.Ritual, Slot, 15, 5, SessionStatus.Closed, SessionOutcome.Held, false, null, null, null, Slot, Slot);

        var title = TrailMessage.Render(session, pair, 1, [], Lang.Fr).Embeds![0].Title;

        Assert.Equal("Séance n° 1 · un ancien membre et Bob", title);
    }
}
