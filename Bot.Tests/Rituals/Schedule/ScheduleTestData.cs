using System.Globalization;
using CrossCoaching.Rituals.Schedule;
using NodaTime;

namespace CrossCoaching.Tests.Rituals.Schedule;

/// <summary>Short ways to write the rules and instants these tests compare.</summary>
internal static class ScheduleTestData
{
    public static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static RitualRule Rule(RitualFrequency frequency, DayOfWeek day, string time, string zone, string anchor = "2026-01-05") =>
        new(frequency, day, TimeOnly.Parse(time, CultureInfo.InvariantCulture), zone, DateOnly.Parse(anchor, CultureInfo.InvariantCulture));

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    public static DateTimeZone Zone(string id) =>
        TimeZoneCatalog.TryFind(id, out var zone) ? zone : throw new InvalidOperationException($"No zone {id} in the tz database.");

    /// <summary>The wall clock of an instant in a zone, as a local date and time.</summary>
    public static DateTime Local(DateTimeOffset instant, string zone) =>
        Instant.FromDateTimeOffset(instant).InZone(Zone(zone)).ToDateTimeUnspecified();

    /// <summary>The wall clock of an instant in a zone, e.g. "2026-03-30 14:00 +02:00".</summary>
    public static string Wall(DateTimeOffset instant, string zone) =>
        Instant.FromDateTimeOffset(instant).InZone(Zone(zone)).ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    public static string[] Iso(IEnumerable<DateTimeOffset> instants) =>
        instants.Select(i => i.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)).ToArray();
}
