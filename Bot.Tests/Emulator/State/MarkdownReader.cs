using System.Text.RegularExpressions;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// What a Discord client makes of a message's markdown, as far as safety goes
/// (https://support.discord.com/hc/en-us/articles/210298617): a backslash before ASCII punctuation shows the
/// character literally; otherwise masked links, mentions, autolinked URLs (with their embed preview), invite cards,
/// line-start blocks (headings, <c>-#</c> subtext, lists, quotes), code spans and inline formatting are live.
/// </summary>
public static partial class MarkdownReader
{
    private const char Inert = '\uE000';

    /// <summary>The live constructs of <paramref name="content"/>, by kind, counted.</summary>
    public static IReadOnlyDictionary<string, int> Live(string content)
    {
        var live = Escaped().Replace(content, Inert.ToString());
        return new Dictionary<string, int>
        {
            ["masked link"] = MaskedLink().Count(live),
            ["mention"] = Mention().Count(live),
            ["mass mention"] = MassMention().Count(live),
            ["link"] = Link().Count(live),
            ["invite"] = Invite().Count(live),
            ["block"] = Block().Count(live),
            ["code"] = live.Count(c => c == '`'),
            ["formatting"] = Formatting().Count(live),
        };
    }

    /// <summary>The text a reader sees: escapes shown as their character, zero-width spaces invisible.</summary>
    public static string Visible(string content) => Escaped().Replace(content, m => m.Value[1..]).Replace("\u200B", "", StringComparison.Ordinal);

    [GeneratedRegex(@"\\[!-/:-@\[-`{-~]")]
    private static partial Regex Escaped();

    [GeneratedRegex(@"\[[^\]\n]*\]\(")]
    private static partial Regex MaskedLink();

    [GeneratedRegex(@"<(?:@[!&]?|#)\d+>")]
    private static partial Regex Mention();

    [GeneratedRegex("@(?:everyone|here)", RegexOptions.IgnoreCase)]
    private static partial Regex MassMention();

    [GeneratedRegex(@"[a-zA-Z][a-zA-Z0-9+.-]*://\S")]
    private static partial Regex Link();

    [GeneratedRegex(@"discord(?:app)?\.com/invite|discord\.gg/", RegexOptions.IgnoreCase)]
    private static partial Regex Invite();

    [GeneratedRegex(@"^[ \t]*(?:#{1,3}[ \t]|-#[ \t]|>|[-*+][ \t]|\d+\.[ \t])", RegexOptions.Multiline)]
    private static partial Regex Block();

    [GeneratedRegex(@"\*|_|~~|\|\|")]
    private static partial Regex Formatting();
}
