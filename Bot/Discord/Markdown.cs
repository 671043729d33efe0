using System.Text.RegularExpressions;

namespace CrossCoaching.Discord;

/// <summary>
/// Makes a member's string (a display name, a takeaway, anything typed) read as plain text wherever the bot posts
/// it. Discord parses markdown, mentions and links in every message and embed, so a name such as
/// <c>[Claim Nitro](https://…)</c> would otherwise become a working link signed by the bot.
/// </summary>
/// <remarks>
/// Markdown characters get a backslash (Discord shows the character and drops the backslash). Syntax that a backslash
/// does not reliably defuse gets a zero-width space instead: after every <c>&lt;</c> (user, role and channel mentions,
/// <c>&lt;url&gt;</c>, timestamps), after the <c>@</c> of <c>@everyone</c>/<c>@here</c>, inside <c>://</c> (no
/// autolink, no embed preview) and before the dot of invite hosts (no invite card). Bidirectional controls are
/// removed: they can make the sentence around a name read backwards. Line breaks are kept, so a takeaway keeps its
/// paragraphs, but a line can no longer start a heading, a list or a quote. <c>allowed_mentions</c> stays explicit on
/// every message anyway: this is the second lock, not the only one.
/// </remarks>
public static partial class Markdown
{
    private const string ZeroWidthSpace = "\u200B";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var escaped = Punctuation().Replace(Bidi().Replace(text, ""), @"\$0");
        escaped = LineStartMarker().Replace(escaped, @"$1\$2");
        escaped = LineStartNumber().Replace(escaped, @"$1$2\.");
        escaped = escaped.Replace("<", "<" + ZeroWidthSpace, StringComparison.Ordinal);
        escaped = MassMention().Replace(escaped, "@" + ZeroWidthSpace + "$1");
        escaped = escaped.Replace("://", ":" + ZeroWidthSpace + "//", StringComparison.Ordinal);
        return InviteHost().Replace(escaped, "$1" + ZeroWidthSpace + "$2");
    }

    /// <summary>Escaped and on one line: for a name inside a sentence.</summary>
    public static string Name(string? name) => Escape(name?.ReplaceLineEndings(" "));

    [GeneratedRegex(@"[\\*_~`|>#\[\]]")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"^([ \t]*)([-+])", RegexOptions.Multiline)]
    private static partial Regex LineStartMarker();

    [GeneratedRegex(@"^([ \t]*)(\d+)\.", RegexOptions.Multiline)]
    private static partial Regex LineStartNumber();

    [GeneratedRegex("@(everyone|here)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MassMention();

    [GeneratedRegex(@"(discord(?:app)?)(\.com/invite|\.gg)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InviteHost();

    [GeneratedRegex("[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]")]
    private static partial Regex Bidi();
}
