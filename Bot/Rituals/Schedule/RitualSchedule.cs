using NodaTime;

namespace CrossCoaching.Rituals.Schedule;

/// <summary>
/// When a ritual happens, as UTC instants. Pure: the caller passes "now" (from its TimeProvider), nothing here
/// reads a clock, a database or Discord. Zones come from <see cref="TimeZoneCatalog"/> (NodaTime's TZDB, the same on every OS).
/// </summary>
public static partial class RitualSchedule
{
    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/> (so asking at an occurrence's own instant gives
    /// the next one), as a UTC instant; null only when the rule's zone is not in the tz database.
    /// </summary>
    public static DateTimeOffset? NextAfter(RitualRule rule, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return TimeZoneCatalog.TryFind(rule.TimeZoneId, out var zone) ? Next(rule, zone, after).Instant : null;
    }

    /// <summary>The next <paramref name="count"/> occurrences strictly after <paramref name="after"/>, in order.</summary>
    public static IReadOnlyList<DateTimeOffset> Upcoming(RitualRule rule, DateTimeOffset after, int count)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!TimeZoneCatalog.TryFind(rule.TimeZoneId, out var zone))
            return [];
        var result = new List<DateTimeOffset>(count);
        for (var i = 0; i < count; i++)
        {
            after = Next(rule, zone, after).Instant;
            result.Add(after);
        }

        return result;
    }

    /// <summary>The first local date on or after <paramref name="from"/> that the rule falls on (time of day ignored).</summary>
    public static DateOnly FirstDateOnOrAfter(RitualRule rule, DateOnly from)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return RitualDates.FirstOnOrAfter(rule, from);
    }

    /// <summary>
    /// The anchor to store when a ritual is set: the local date of the first <paramref name="day"/> at
    /// <paramref name="localTime"/> strictly after <paramref name="now"/>. An every-2-weeks ritual then starts at its
    /// very next slot and repeats every 14 days from there.
    /// </summary>
    public static DateOnly AnchorFor(DayOfWeek day, TimeOnly localTime, DateTimeZone zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var weekly = new RitualRule(RitualFrequency.Week, day, localTime, zone.Id, default);
        return Next(weekly, zone, now).Date;
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>: its nominal local date and its instant.</summary>
    internal static (DateOnly Date, DateTimeOffset Instant) Next(RitualRule rule, DateTimeZone zone, DateTimeOffset after)
    {
        // Start one local day early: a slot pushed forward by a spring-forward gap that spans midnight (or a whole
        // skipped day, as Samoa did in 2011) can land on the day after its own date.
        var date = RitualDates.FirstOnOrAfter(rule, LocalDateAt(after, zone).AddDays(-1));
        while (true)
        {
            var instant = ToInstant(date, rule.LocalTime, zone);
            if (instant > after)
                return (date, instant);
            date = RitualDates.FirstOnOrAfter(rule, date.AddDays(1));
        }
    }

    /// <summary>The nominal local date of the occurrence at <paramref name="instant"/>, or null when no occurrence is there.</summary>
    internal static DateOnly? OccurrenceDate(RitualRule rule, DateTimeZone zone, DateTimeOffset instant)
    {
        var local = LocalDateAt(instant, zone);
        for (var shift = -1; shift <= 1; shift++)
        {
            var date = local.AddDays(shift);
            if (RitualDates.FirstOnOrAfter(rule, date) == date && ToInstant(date, rule.LocalTime, zone) == instant)
                return date;
        }

        return null;
    }
}
