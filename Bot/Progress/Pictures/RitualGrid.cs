using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using NodaTime;

namespace CrossCoaching.Progress.Pictures;

/// <summary>One occurrence of the ritual in a picture: its week (column), its place in that week (row), its outcome.</summary>
public sealed record GridCell(int Column, int Row, DateOnly Date, PictureOutcome Outcome);

/// <summary>
/// The pair's picture as data: weeks run left to right from <see cref="FirstMonday"/> (as a calendar reads, in either
/// language), a week's occurrences top to bottom, so a weekly ritual is one row and a twice-weekly one two.
/// </summary>
public sealed record RitualGrid(DateOnly FirstMonday, int Weeks, int Rows, IReadOnlyList<GridCell> Cells)
{
    /// <summary>A ritual meets at most daily; more in a week than this would not be a ritual.</summary>
    public const int MaxRows = 7;

    /// <param name="sessions">The pair's sessions, in any order; those <see cref="PictureOutcomes.Of"/> leaves out are skipped.</param>
    /// <param name="firstMonday">The first week shown.</param>
    /// <param name="lastDay">The last day shown (today, in the ritual's time zone).</param>
    /// <param name="zone">The ritual's time zone: a cell's date is the day the partners met.</param>
    public static RitualGrid Build(IEnumerable<Session> sessions, DateOnly firstMonday, DateOnly lastDay, DateTimeZone zone)
    {
        var weeks = ((lastDay.DayNumber - firstMonday.DayNumber) / 7) + 1;
        var shown = sessions
            .Select(s => (Session: s, Outcome: PictureOutcomes.Of(s), Date: LocalDate(s.SlotAt, zone)))
            .Where(x => x.Outcome is not null && x.Date >= firstMonday && x.Date <= lastDay)
            .OrderBy(x => x.Session.SlotAt)
            .GroupBy(x => (x.Date.DayNumber - firstMonday.DayNumber) / 7);
        var cells = new List<GridCell>();
        foreach (var week in shown)
            cells.AddRange(week.Take(MaxRows).Select((x, row) => new GridCell(week.Key, row, x.Date, x.Outcome!.Value)));
        return new RitualGrid(firstMonday, weeks, cells.Count == 0 ? 1 : cells.Max(c => c.Row) + 1, cells);
    }

    public DateOnly WeekStart(int column) => FirstMonday.AddDays(7 * column);

    public int Count(PictureOutcome outcome) => Cells.Count(c => c.Outcome == outcome);

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static DateOnly LocalDate(DateTimeOffset instant, DateTimeZone zone) => RitualSchedule.LocalDateAt(instant, zone);
}
