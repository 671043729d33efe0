using CrossCoaching.Rituals.Schedule;

namespace CrossCoaching.Pool.Matching;

/// <summary>
/// A member's windows as UTC instants: whole minutes after a reference instant, the occurrences that start in the next
/// eight days, sorted and merged. Eight rather than seven so that every overlap of two weekly windows starts inside
/// the horizon with both windows whole, even one that is under way at the reference instant. Each window goes through <see cref="RitualSchedule.ToInstant"/>, so a clock change inside
/// the horizon moves it as the ritual itself would move.
/// </summary>
public static class PoolHorizon
{
    public const int Minutes = 8 * 24 * 60;

    public static int[] Intervals(PoolCandidate member, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(member);
        var origin = FloorToMinute(from);
        var today = RitualSchedule.LocalDateAt(origin, member.Zone);
        var spans = new List<(int Start, int End)>();
        // From yesterday (a window that started then may still run) to nine days on (the horizon's far end, locally).
        for (var offset = -1; offset <= 9; offset++)
        {
            var date = today.AddDays(offset);
            foreach (var window in member.Windows.Where(w => w.Day == date.DayOfWeek))
            {
                var start = RitualSchedule.ToInstant(date, window.Start, member.Zone);
                var end = RitualSchedule.ToInstant(window.End > window.Start ? date : date.AddDays(1), window.End, member.Zone);
                var s = MinutesBetween(origin, start);
                var e = MinutesBetween(origin, end);
                // Only occurrences that start inside the horizon, kept whole: one under way now is not cut to "now"
                // (a slot must start where the window starts), its next week's occurrence stands for it.
                if (s >= 0 && s < Minutes && e > s)
                    spans.Add((s, e));
            }
        }

        spans.Sort();
        var merged = new List<int>(spans.Count * 2);
        foreach (var (s, e) in spans)
        {
            if (merged.Count > 0 && s <= merged[^1])
                merged[^1] = Math.Max(merged[^1], e);
            else
                merged.AddRange([s, e]);
        }

        return [.. merged];
    }

    /// <summary>
    /// The earliest overlap of two members' intervals that lasts at least <paramref name="need"/> minutes, and the
    /// longest overlap of all (the matcher's preference); (-1, 0) when nothing fits.
    /// </summary>
    public static (int FirstFit, int FitLength, int Longest) Overlap(int[] a, int[] b, int need)
    {
        int i = 0, j = 0, first = -1, firstLength = 0, longest = 0;
        while (i < a.Length && j < b.Length)
        {
            var start = Math.Max(a[i], b[j]);
            var end = Math.Min(a[i + 1], b[j + 1]);
            var length = end - start;
            if (length >= need)
            {
                if (first < 0)
                    (first, firstLength) = (start, length);
                longest = Math.Max(longest, length);
            }

            if (a[i + 1] < b[j + 1])
                i += 2;
            else
                j += 2;
        }

        return (first, firstLength, first < 0 ? 0 : longest);
    }

    public static DateTimeOffset FloorToMinute(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    private static int MinutesBetween(DateTimeOffset origin, DateTimeOffset instant) =>
        (int)Math.Clamp((instant - origin).Ticks / TimeSpan.TicksPerMinute, -Minutes, 2 * Minutes);
}
