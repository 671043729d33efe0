namespace CrossCoaching.Rituals.Schedule;

/// <summary>The catalog's precomputed lookup tables: built once, then only read (safe to share across threads).</summary>
internal sealed class TimeZoneIndex
{
    public required IReadOnlyDictionary<string, TimeZoneInfo> ById { get; init; }
    public required IReadOnlyList<TimeZoneEntry> Entries { get; init; }
    public required IReadOnlyList<TimeZoneEntry> Popular { get; init; }

    public static TimeZoneIndex Build()
    {
        var byId = new Dictionary<string, TimeZoneInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId))
            byId.TryAdd(zone.Id, zone);

        // Popular zones missing from the system list (aliases such as America/Montreal) join it when the system
        // knows them; a popular id the system lacks is left out rather than offered and then refused.
        foreach (var id in PopularTimeZones.Ids.Where(id => !byId.ContainsKey(id)))
        {
            try
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
                if (zone.HasIanaId)
                    byId.TryAdd(zone.Id, zone);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                // Not on this machine: see above.
            }
        }

        var popularRank = PopularTimeZones.Ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.OrdinalIgnoreCase);
        var entries = byId.Values
            .Select(z => new TimeZoneEntry(z.Id, popularRank.TryGetValue(z.Id, out var rank) ? rank : int.MaxValue))
            .OrderBy(e => e.PopularRank).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        return new TimeZoneIndex
        {
            ById = byId,
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
