using System.Globalization;
using CrossCoaching.Pool.Matching;

namespace CrossCoaching.Pool;

/// <summary>
/// The stored form of a member's windows: <c>mon 18:00-20:00;thu 07:30-08:30</c>. Day names are fixed English
/// abbreviations and times 24-hour, whatever language the member speaks: this is a storage format, not a display.
/// </summary>
public static class PoolWindowText
{
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static string Format(IEnumerable<PoolWindow> windows) =>
        string.Join(';', windows.Select(w => string.Create(CultureInfo.InvariantCulture, $"{Days[(int)w.Day]} {w.Start:HH\\:mm}-{w.End:HH\\:mm}")));

    public static IReadOnlyList<PoolWindow> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var (day, times) = (part[..3], part[4..].Split('-'));
            return new PoolWindow(
                (DayOfWeek)Array.IndexOf(Days, day),
                TimeOnly.ParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture));
        })];
    }
}
