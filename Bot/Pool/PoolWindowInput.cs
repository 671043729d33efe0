using System.Globalization;
using System.Text;
using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pool.Matching;
using CrossCoaching.Rituals.Schedule;

namespace CrossCoaching.Pool;

/// <summary>
/// Reads the windows a member types when entering the pool, in English or French: <c>mon 18:00-20:00</c>,
/// <c>lun-ven 7h30-8h30</c>, <c>tue/thu 6pm-8pm</c>, <c>samedi 10h à 12h</c>, several separated by commas,
/// semicolons or lines. Days may be a range (<c>mon-fri</c>, wrapping past Sunday) or a list (<c>mon/wed</c>);
/// times are read by <see cref="TimeOfDayParser"/>, plus <c>24:00</c>/<c>24h</c> for midnight at the end. An end
/// before the start runs past midnight.
/// </summary>
public static class PoolWindowInput
{
    /// <summary>More would say "any time", which the pool cannot use to pick a slot anyway.</summary>
    public const int MaxWindows = 28;

    private static readonly Dictionary<string, DayOfWeek> Days = BuildDays();

    /// <returns>The windows, or a short localized reason for an ephemeral reply.</returns>
    public static (IReadOnlyList<PoolWindow>? Windows, Func<Lang, string>? Error) Parse(string? text, int sessionMinutes)
    {
        var parts = (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
            return (null, lang => PoolTexts.NoWindow[lang]);
        var windows = new List<PoolWindow>();
        foreach (var part in parts)
        {
            if (!TryWindow(part, out var days, out var start, out var end))
                return (null, lang => PoolTexts.BadWindow.Format(lang, Markdown.Escape(part)));
            var window = new PoolWindow(DayOfWeek.Sunday, start, end);
            if (window.Length < TimeSpan.FromMinutes(sessionMinutes))
                return (null, lang => PoolTexts.WindowTooShort.Format(lang, Markdown.Escape(part), sessionMinutes));
            windows.AddRange(days.Select(d => window with { Day = d }));
        }

        var distinct = windows.Distinct().ToList();
        return distinct.Count > MaxWindows ? (null, lang => PoolTexts.TooManyWindows.Format(lang, MaxWindows)) : (distinct, null);
    }

    private static bool TryWindow(string part, out List<DayOfWeek> days, out TimeOnly start, out TimeOnly end)
    {
        (days, start, end) = ([], default, default);
        var space = part.IndexOfAny([' ', '\t']);
        if (space < 0 || !TryDays(part[..space], days))
            return false;
        var times = part[(space + 1)..].Replace('–', '-').Replace(" to ", "-", StringComparison.OrdinalIgnoreCase)
            .Replace(" à ", "-", StringComparison.OrdinalIgnoreCase).Split('-', StringSplitOptions.TrimEntries);
        return times.Length == 2 && TimeOfDayParser.TryParse(times[0], out start) && TryEnd(times[1], out end) && start != end;
    }

    private static bool TryEnd(string text, out TimeOnly end)
    {
        end = default;
        return text.Trim().ToLowerInvariant() is "24:00" or "24h" or "24h00" || TimeOfDayParser.TryParse(text, out end);
    }

    private static bool TryDays(string text, List<DayOfWeek> days)
    {
        foreach (var item in text.Split('/'))
        {
            var range = item.Split('-');
            if (range.Length > 2 || !Days.TryGetValue(Key(range[0]), out var from))
                return false;
            var to = from;
            if (range.Length == 2 && !Days.TryGetValue(Key(range[1]), out to))
                return false;
            for (var d = from; ; d = (DayOfWeek)(((int)d + 1) % 7))
            {
                days.Add(d);
                if (d == to)
                    break;
            }
        }

        return days.Count > 0;
    }

    // Lower case, without accents or a trailing dot: "Mer." and "mer" are the same day.
    private static string Key(string text) =>
        new(text.Trim().TrimEnd('.').ToLowerInvariant().Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());

    private static Dictionary<string, DayOfWeek> BuildDays()
    {
        var days = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        string[][] names =
        [
            ["sun", "sunday", "dim", "dimanche"], ["mon", "monday", "lun", "lundi"], ["tue", "tues", "tuesday", "mar", "mardi"],
            ["wed", "wednesday", "mer", "mercredi"], ["thu", "thur", "thurs", "thursday", "jeu", "jeudi"], ["fri", "friday", "ven", "vendredi"],
            ["sat", "saturday", "sam", "samedi"],
        ];
        for (var d = 0; d < 7; d++)
        {
            foreach (var name in names[d])
                days[name] = (DayOfWeek)d;
        }

        return days;
    }
}
