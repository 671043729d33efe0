using NodaTime;
using NodaTime.TimeZones;

namespace CrossCoaching.Rituals.Schedule;

/// <summary>The catalog's precomputed lookup tables: built once, then only read (safe to share across threads).</summary>
internal sealed class TimeZoneIndex
{
    /// <summary>Every TZDB id, aliases included, by any casing → its exact spelling.</summary>
    public required IReadOnlyDictionary<string, string> ById { get; init; }
    /// <summary>The ids a search offers (see <see cref="Build"/>).</summary>
    public required IReadOnlySet<string> Listed { get; init; }
    public required IReadOnlyList<TimeZoneEntry> Entries { get; init; }
    public required IReadOnlyList<TimeZoneEntry> Popular { get; init; }

    public static TimeZoneIndex Build()
    {
        var byId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in DateTimeZoneProviders.Tzdb.Ids)
            byId.TryAdd(id, id);

        // Search offers the zones of zone.tab, one per region people live in, without legacy aliases (US/Eastern) or
        // the Etc/GMT±n zones whose sign reads backwards; popular aliases (America/Montreal) and UTC join them.
        var located = TzdbDateTimeZoneSource.Default.ZoneLocations?.Select(l => l.ZoneId) ?? [];
        var listed = located.Concat(PopularTimeZones.Ids)
            .Where(byId.ContainsKey).Select(id => byId[id])
            .ToHashSet(StringComparer.Ordinal);

        var popularRank = PopularTimeZones.Ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.OrdinalIgnoreCase);
        var entries = listed
            .Select(id => new TimeZoneEntry(id, popularRank.TryGetValue(id, out var rank) ? rank : int.MaxValue))
            .OrderBy(e => e.PopularRank).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        return new TimeZoneIndex
        {
            ById = byId,
            Listed = listed,
            Entries = entries,
            Popular = entries.Where(e => e.IsPopular).ToList(),
        };
    }
}

/// <summary>One zone with the normalized forms of its id that a search can match.</summary>
internal sealed class TimeZoneEntry(string id, int popularRank)
{
    private readonly string _full = TimeZoneText.Normalize(id);
    // "America/Argentina/Buenos_Aires" → "argentina/buenos aires", "buenos aires", and the words "buenos", "aires".
    private readonly string[] _starts = StartsOf(TimeZoneText.Normalize(id));

    public string Id { get; } = id;
    public int PopularRank { get; } = popularRank;
    public bool IsPopular => PopularRank != int.MaxValue;

    /// <summary>0 exact, 1 prefix, 2 substring (lower is better); null when the query does not match.</summary>
    public int? Rank(string query) =>
        _full == query ? 0
        : _starts.Any(s => s.StartsWith(query, StringComparison.Ordinal)) ? 1
        : _full.Contains(query, StringComparison.Ordinal) ? 2
        : null;

    private static string[] StartsOf(string full)
    {
        var starts = new List<string> { full };
        for (var slash = full.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = full.IndexOf('/', slash + 1))
            starts.Add(full[(slash + 1)..]);
        starts.AddRange(full.Split('/', ' ', '-').Where(w => w.Length > 0));
        return starts.Distinct().ToArray();
    }
}
