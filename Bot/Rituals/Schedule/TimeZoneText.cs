using System.Collections.Frozen;
using System.Text;

namespace CrossCoaching.Rituals.Schedule;

/// <summary>How typed text and ids are compared: lower case, no accents, underscores as spaces, spaces collapsed.</summary>
internal static class TimeZoneText
{
    // Accents are folded by this table, not by Unicode decomposition: the process runs with invariant globalization,
    // where string.Normalize leaves non-ASCII text as it is. Latin letters cover what people type for a city name
    // ("São Paulo", "Zürich", "Montréal", "Kraków"); the ids themselves are ASCII.
    private static readonly FrozenDictionary<char, string> Folds = BuildFolds();

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is >= '\u0300' and <= '\u036F')
                continue; // a combining accent typed on its own
            var folded = lower == '_' || char.IsWhiteSpace(lower) ? " " : Folds.GetValueOrDefault(lower) ?? lower.ToString();
            if (folded != " " || (builder.Length > 0 && builder[^1] != ' '))
                builder.Append(folded);
        }

        return builder.ToString().TrimEnd();
    }

    private static FrozenDictionary<char, string> BuildFolds()
    {
        (string Accented, string Plain)[] groups =
        [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
            ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("þ", "th"),
        ];
        return groups.SelectMany(g => g.Accented.Select(c => KeyValuePair.Create(c, g.Plain))).ToFrozenDictionary();
    }
}
