using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Progress;
using CrossCoaching.Sessions;
using CrossCoaching.Takeaways;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.Discord;

/// <summary>
/// Every message built from a member's name or text, built once for an ordinary member and once for a hostile one:
/// the hostile one must carry exactly the links, mentions, blocks and formatting of the ordinary one (those of the
/// template), and still show the name as written.
/// </summary>
public sealed class HostileMessagesTests
{
    private static readonly DateTimeOffset Slot = new(2026, 11, 2, 13, 0, 0, TimeSpan.Zero);
    private static readonly Snowflake A = new(1001), B = new(1002);

    public static TheoryData<string> Hostile => HostileNames.Data();

    private static IEnumerable<(string What, string Text)> Messages(string name, Lang lang)
    {
        var pair = new Pair(1, new Snowflake(10), A, B, name, "Bob", PairStatus.Active, 2, Slot, Slot, null);
        var session = new Session(7, 1, pair.GuildId, SessionKind.Ritual, Slot, 15, 5, SessionStatus.Closed, SessionOutcome.Held, false, null, null, null, Slot, Slot);
        var takeaway = new Takeaway(1, 7, 1, A, name, name, TakeawayVisibility.Public, Slot, Slot, Slot, TakeawayRoute.Trail, null);
        var round = new RoundState(pair, new RoundProgress(2, 4, [session]), [session], null, null, new Dictionary<Snowflake, RoundAnswer>());
        var trail = TrailMessage.Render(session, pair, 3, [takeaway], lang).Embeds![0];
        yield return ("reminder", SessionMessages.Reminder(session, pair, B, lang).Content!);
        yield return ("after session", SessionMessages.AfterSession(session, pair, B, lang, roomDeletedByHand: true).Content!);
        yield return ("trail title", trail.Title!);
        yield return ("trail body", trail.Description!);
        yield return ("round question", RoundMessages.Question(round, PairStats.Empty, B, lang).Content!);
        yield return ("round paused", RoundMessages.Paused(round, B, lang).Content!);
        yield return ("stats", StatsReport.PairSection(pair, B, PairStats.Empty, round, lang));
        yield return ("server stats", StatsReport.ServerSection(1, [pair], lang));
        yield return ("now partners", PairTexts.Accepted.Format(lang, Markdown.Name(name), "Bob"));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_name_adds_no_link_mention_or_layout_to_any_message(string name)
    {
        foreach (var lang in new[] { Lang.En, Lang.Fr })
        {
            foreach (var ((what, hostile), (_, ordinary)) in Messages(name, lang).Zip(Messages("Alice", lang)))
            {
                Assert.Equal(MarkdownReader.Live(ordinary), MarkdownReader.Live(hostile));
                Assert.True(MarkdownReader.Visible(hostile).Contains(name.Replace("\u200B", "", StringComparison.Ordinal).ReplaceLineEndings(what == "trail body" ? "\n" : " "), StringComparison.Ordinal),
                    $"{what} does not show the name: {hostile}");
            }
        }
    }
}
