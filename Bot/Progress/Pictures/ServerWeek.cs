using CrossCoaching.Sessions;

namespace CrossCoaching.Progress.Pictures;

/// <summary>One week of the server's chart: how many sessions ended each way.</summary>
public sealed record ServerWeek(DateOnly Monday, IReadOnlyDictionary<PictureOutcome, int> Counts)
{
    public int Total => Counts.Values.Sum();

    public int Count(PictureOutcome outcome) => Counts.GetValueOrDefault(outcome);

    /// <summary>The <paramref name="weeks"/> weeks (UTC, Monday first) ending with the one of <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<ServerWeek> Build(IEnumerable<Session> sessions, DateOnly today, int weeks)
    {
        var first = RitualGrid.MondayOf(today).AddDays(-7 * (weeks - 1));
        var byWeek = sessions
            .Select(s => (Outcome: PictureOutcomes.OfAny(s), Date: DateOnly.FromDateTime(s.SlotAt.UtcDateTime)))
            .Where(x => x.Outcome is not null && x.Date >= first && x.Date <= today)
            .ToLookup(x => (x.Date.DayNumber - first.DayNumber) / 7);
        return [.. Enumerable.Range(0, weeks).Select(week => new ServerWeek(
            first.AddDays(7 * week),
            byWeek[week].GroupBy(x => x.Outcome!.Value).ToDictionary(g => g.Key, g => g.Count())))];
    }
}
