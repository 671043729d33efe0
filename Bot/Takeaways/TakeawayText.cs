namespace CrossCoaching.Takeaways;

/// <summary>How a takeaway's text is checked before it is stored, and cut to Discord's limits (<see cref="CrossCoaching.Discord.Markdown"/> makes it harmless where it is posted).</summary>
public static class TakeawayText
{
    /// <summary>
    /// The length as a reader counts it: one per character, an emoji or an accented letter counting once
    /// (Unicode scalar values, not UTF-16 units).
    /// </summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    /// <summary>The text to store (trimmed), or null when it is empty or only whitespace.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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
}
