using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Takeaways;

/// <summary>
/// The trail message of one session: an embed (mentions inside never ping, and its limits are roomier than a message's
/// 2000 characters) with the session's number, both names, its date and the public takeaways, each cut to fit, and a
/// "Find a partner too" button.
/// </summary>
public static class TrailMessage
{
    /// <summary>Discord's limits: 4096 for an embed description, 256 for a title, 6000 for all embeds of a message.</summary>
    public const int DescriptionLimit = 4096, TitleLimit = 256, MessageEmbedLimit = 6000;

    public const int Color = 0x3BA55C;

    public static MessageSpec Render(Session session, Pair pair, int number, IReadOnlyList<Takeaway> shown, Lang lang)
    {
        var title = TakeawayText.Truncate(TakeawayTexts.TrailTitle.Format(lang, number,
            Markdown.Name(FormerMember.Display(pair.MemberA, pair.NameA, lang)),
            Markdown.Name(FormerMember.Display(pair.MemberB, pair.NameB, lang))), TitleLimit);
        var description = shown.Count == 0
            ? $"{Timestamps.Of(session.SlotAt, 'D')}\n\n*{TakeawayTexts.TrailRemoved[lang]}*"
            : Body(Timestamps.Of(session.SlotAt, 'D'), [.. shown.Select(t => ($"**{Markdown.Name(t.AuthorName)}**", t.Text))], DescriptionLimit);
        // The trail is there to make others want to talk too: whoever presses this enters the matching pool.
        return new MessageSpec(null, AllowedMentions.None, Embeds: [new Embed(title, description, Color)],
            Components: [ActionRow.Of(new Button(ButtonStyle.Secondary, Pool.PoolEntryTexts.TrailButton[lang], Pool.PoolButtons.OpenId))]);
    }

    /// <summary>
    /// A header line, then one block per takeaway (its heading line, then its escaped text). The texts share
    /// what <paramref name="limit"/> leaves after the headings, so two takeaways of the longest accepted length
    /// still fit; shorter ones are never cut.
    /// </summary>
    public static string Body(string header, IReadOnlyList<(string Heading, string Text)> entries, int limit)
    {
        var texts = entries.Select(e => Markdown.Escape(e.Text)).ToList();
        var room = limit - header.Length - entries.Sum(e => e.Heading.Length + 3);
        var budgets = Share(texts.Select(t => t.Length).ToList(), Math.Max(room, 0));
        return header + string.Concat(entries.Select((e, i) => $"\n\n{e.Heading}\n{TakeawayText.Truncate(texts[i], budgets[i])}"));
    }

    /// <summary>Splits <paramref name="room"/> between texts: short ones keep their length, long ones share the rest evenly.</summary>
    private static int[] Share(List<int> lengths, int room)
    {
        var budgets = new int[lengths.Count];
        var open = Enumerable.Range(0, lengths.Count).OrderBy(i => lengths[i]).ToList();
        while (open.Count > 0)
        {
            var even = room / open.Count;
            var i = open[0];
            budgets[i] = Math.Min(lengths[i], even);
            room -= budgets[i];
            open.RemoveAt(0);
        }

        return budgets;
    }
}
