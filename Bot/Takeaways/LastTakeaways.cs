using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Takeaways;

/// <summary>
/// "Last time: …" under the reminder and the room's welcome: the takeaways of the pair's latest session that were
/// revealed and meant for the pair or the trail — never a private one, never one still held from the other partner.
/// Each is cut to <see cref="MaxChars"/> characters and escaped, so a long or hostile text cannot take over the message.
/// </summary>
public sealed class LastTakeaways(TakeawayRepository takeaways) : IPairRecall
{
    public const int MaxChars = 160;

    public async Task<string?> LastTimeAsync(Pair pair, Lang lang, CancellationToken cancellationToken = default)
    {
        var shared = (await takeaways.ListForPairAsync(pair.Id, cancellationToken))
            .Where(t => t.IsRevealed && t.Visibility is TakeawayVisibility.Public or TakeawayVisibility.Pair).ToList();
        if (shared.Count == 0)
            return null;
        var latest = shared.Max(t => t.SessionId);
        var lines = shared.Where(t => t.SessionId == latest)
            .Select(t => TakeawayTexts.LastTimeEntry.Format(lang, Markdown.Name(t.AuthorName), Markdown.Escape(Cut(t.Text.ReplaceLineEndings(" ")))));
        return TakeawayTexts.LastTime.Format(lang, string.Join(" · ", lines));
    }

    private static string Cut(string text) => text.Length <= MaxChars ? text : text[..(MaxChars - 1)].TrimEnd() + "…";
}
