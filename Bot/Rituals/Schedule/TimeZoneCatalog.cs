using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace CrossCoaching.Rituals.Schedule;

/// <summary>
/// The IANA time zones a ritual may use: validation of a typed id and suggestions for the <c>timezone</c>
/// autocomplete. Both read NodaTime's TZDB, compiled into the NodaTime package (the one Ical.Net writes the .ics
/// with), so nothing depends on the operating system's zone files: Windows, Linux and a bare container agree.
/// </summary>
public static class TimeZoneCatalog
{
    /// <summary>Discord shows at most 25 autocomplete choices.</summary>
    public const int MaxSuggestions = 25;

    private static readonly Lazy<TimeZoneIndex> Index = new(TimeZoneIndex.Build);

    /// <summary>
    /// Finds an IANA zone by id, case-insensitively, and returns it under its canonical spelling
    /// (<c>europe/paris</c> → <c>Europe/Paris</c>). Legacy IANA aliases are accepted and keep their name
    /// (<c>Asia/Calcutta</c>). Refuses Windows ids (<c>Romance Standard Time</c>), offsets (<c>+02:00</c>,
    /// <c>UTC+2</c>, which NodaTime's provider would otherwise turn into fixed zones), empty and unknown text.
    /// </summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out DateTimeZone? zone)
    {
        zone = null;
        var trimmed = id?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !Index.Value.ById.TryGetValue(trimmed, out var spelled))
            return false;
        zone = DateTimeZoneProviders.Tzdb[spelled];
        return true;
    }

    /// <summary>
    /// Up to <paramref name="max"/> (never more than 25) IANA ids matching <paramref name="typed"/>: exact id, then
    /// ids or city names starting with it, then ids containing it; popular zones first within each group. Case,
    /// accents and underscores do not matter (<c>sao paulo</c>, <c>montréal</c>). Empty text gives the popular zones.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string? typed, int max = MaxSuggestions)
    {
        max = Math.Clamp(max, 0, MaxSuggestions);
        var index = Index.Value;
        var query = TimeZoneText.Normalize(typed ?? "");
        if (query.Length == 0)
            return index.Popular.Take(max).Select(e => e.Id).ToList();

        var ranked = index.Entries
            .Select(e => (Entry: e, Rank: e.Rank(query)))
            .Where(x => x.Rank is not null)
            .OrderBy(x => x.Rank)
            .ThenBy(x => x.Entry.PopularRank)
            .ThenBy(x => x.Entry.Id, StringComparer.Ordinal)
            .Select(x => x.Entry.Id);

        // A legacy alias typed in full (US/Eastern) is not in the list, but it is valid: offer exactly it first.
        var exactAlias = TryFind(typed, out var zone) && !index.Listed.Contains(zone.Id) ? [zone.Id] : Array.Empty<string>();
        return exactAlias.Concat(ranked).Take(max).ToList();
    }
}
