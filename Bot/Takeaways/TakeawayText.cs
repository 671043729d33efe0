using System.Text.RegularExpressions;

namespace CrossCoaching.Takeaways;

/// <summary>How a takeaway's text is checked before it is stored, and made harmless before anyone else reads it.</summary>
public static partial class TakeawayText
{
    private const string ZeroWidthSpace = "\u200B";

    /// <summary>
    /// The length as a reader counts it: one per character, an emoji or an accented letter counting once
    /// (Unicode scalar values, not UTF-16 units).
    /// </summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    /// <summary>The text to store (trimmed), or null when it is empty or only whitespace.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// The text as written, markdown included, with two things defused. <c>@everyone</c> and <c>@here</c> get a
    /// zero-width space after the <c>@</c>: our messages never allow mass pings anyway, but the text then does not even
    /// look like one. Invite links to other servers are wrapped in inline code: Discord neither turns code into a link
    /// nor shows an invite card for it, so the trail cannot become an advertising board, while readers still see (and
    /// may copy) what the author wrote — removing the link would silently change their words.
    /// </summary>
    public static string Neutralise(string text)
    {
        var defused = MassMention().Replace(text, "@" + ZeroWidthSpace + "$1");
        return Invite().Replace(defused, m => $"`{m.Value.Replace("`", "", StringComparison.Ordinal)}`");
    }

    /// <summary>A display name shown in bold: markdown characters are escaped and mass mentions defused.</summary>
    public static string Name(string name) =>
        MassMention().Replace(MarkdownCharacter().Replace(name, @"\$0"), "@" + ZeroWidthSpace + "$1");

    /// <summary>Cuts a text to at most <paramref name="max"/> UTF-16 units (Discord's embed limits), ending with "…" when cut.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
            return text;
        if (max < 2)
            return max == 1 ? "…" : "";
        var cut = max - 1;
        // Never split a surrogate pair: half an emoji renders as garbage.
        if (char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return text[..cut] + "…";
    }

    [GeneratedRegex("@(everyone|here)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MassMention();

    [GeneratedRegex(@"(?:https?://)?(?:www\.)?(?:discord(?:app)?\.com/invite|discord\.gg)/[\w-]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Invite();

    [GeneratedRegex(@"[\\*_~`|>#\[\]]")]
    private static partial Regex MarkdownCharacter();
}
