using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Takeaways;

/// <summary>
/// A pair's trail as one member may read it, newest first, in pages: both partners' revealed public and pair
/// takeaways, and the reader's own ones whatever their state. The partner's private or held ones never show.
/// </summary>
public sealed class TrailView(PairRepository pairs, TakeawayRepository takeaways, SessionRepository sessions)
{
    public const string Prefix = "trail";
    public const int SessionsPerPage = 5;

    /// <summary>What the embeds of one page may hold in all, under Discord's 6000 with room for the titles.</summary>
    public const int PageBudget = 5500;

    /// <summary>The reader's current pair, else their most recent ended one.</summary>
    public async Task<Pair?> PairOfAsync(Snowflake guildId, Snowflake reader, CancellationToken cancellationToken = default) =>
        await pairs.FindCurrentAsync(guildId, reader, cancellationToken)
        ?? (await pairs.ListInGuildAsync(guildId, cancellationToken)).Where(p => p.Has(reader)).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).FirstOrDefault();

    public async Task<MessageSpec> RenderAsync(Pair pair, Snowflake reader, int page, Lang lang, CancellationToken cancellationToken = default)
    {
        var partner = pair.PartnerOf(reader);
        var partnerName = Markdown.Name(FormerMember.Display(partner, pair.NameOf(partner), lang));
        var pages = Pages(await SessionEmbedsAsync(pair, reader, lang, cancellationToken));
        if (pages.Count == 0)
            return new MessageSpec(TrailTexts.Empty.Format(lang, partnerName), AllowedMentions.None, []);

        page = Math.Clamp(page, 0, pages.Count - 1);
        var header = (pair.Status == PairStatus.Ended ? TrailTexts.HeaderEnded : TrailTexts.Header).Format(lang, partnerName, page + 1, pages.Count);
        var buttons = ActionRow.Of(
            new Button(ButtonStyle.Secondary, TrailTexts.Previous[lang], ComponentId.Create(Prefix, pair.Id, Math.Max(page - 1, 0)), Disabled: page == 0),
            new Button(ButtonStyle.Secondary, TrailTexts.Next[lang], ComponentId.Create(Prefix, pair.Id, page + 1), Disabled: page == pages.Count - 1));
        return new MessageSpec(header, AllowedMentions.None, [buttons], pages[page]);
    }

    private async Task<List<Embed>> SessionEmbedsAsync(Pair pair, Snowflake reader, Lang lang, CancellationToken cancellationToken)
    {
        var history = await sessions.ListForPairAsync(pair.Id, cancellationToken);
        var numbers = TakeawaySessions.Numbers(history);
        var readable = (await takeaways.ListForPairAsync(pair.Id, cancellationToken))
            .Where(t => t.AuthorId == reader || (t.IsRevealed && t.Visibility != TakeawayVisibility.Private))
            .ToLookup(t => t.SessionId);
        return [.. history.Where(s => readable.Contains(s.Id)).OrderByDescending(s => s.SlotAt).Select(s => new Embed(
            TrailTexts.SessionTitle.Format(lang, numbers[s.Id]),
            TrailMessage.Body(Timestamps.Of(s.SlotAt, 'D'), [.. readable[s.Id].Select(t => (Heading(t, reader, lang), t.Text))], TrailMessage.DescriptionLimit),
            TrailMessage.Color))];
    }

    private static string Heading(Takeaway takeaway, Snowflake reader, Lang lang)
    {
        var mark = takeaway.Visibility switch
        {
            TakeawayVisibility.Public => TrailTexts.MarkPublic[lang],
            TakeawayVisibility.Pair => TrailTexts.MarkPair[lang],
            _ => TrailTexts.MarkPrivate[lang],
        };
        var held = takeaway.AuthorId == reader && !takeaway.IsRevealed ? $" · {TrailTexts.MarkHeld[lang]}" : "";
        return $"**{Markdown.Name(takeaway.AuthorName)}** · {mark}{held}";
    }

    /// <summary>At most <see cref="SessionsPerPage"/> sessions a page, fewer when long takeaways would pass the budget.</summary>
    private static List<List<Embed>> Pages(List<Embed> embeds)
    {
        var pages = new List<List<Embed>>();
        var size = 0;
        foreach (var embed in embeds)
        {
            var length = (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0);
            if (pages.Count == 0 || pages[^1].Count == SessionsPerPage || size + length > PageBudget)
            {
                pages.Add([]);
                size = 0;
            }

            pages[^1].Add(embed);
            size += length;
        }

        return pages;
    }
}
