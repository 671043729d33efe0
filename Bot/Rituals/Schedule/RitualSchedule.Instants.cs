using NodaTime;
using NodaTime.TimeZones;

namespace CrossCoaching.Rituals.Schedule;

public static partial class RitualSchedule
{
    // The design's two rules, as NodaTime resolvers: an ambiguous wall time takes its earlier instant, a skipped one
    // moves forward by the length of the gap (not to the gap's end, which would put 02:30 and 02:45 both at 03:00).
    private static readonly ZoneLocalMappingResolver DesignResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnForwardShifted);

    /// <summary>
    /// The instant at which <paramref name="zone"/>'s clocks show <paramref name="date"/> <paramref name="time"/>.
    /// A wall time that does not exist (spring-forward gap) moves forward by the gap: Paris 02:30 on the day it
    /// jumps 02:00→03:00 is 03:30 CEST (01:30Z). A wall time that happens twice (fall-back) is its first, summer-time
    /// instant. Both follow RFC 5545 §3.3.5, so a calendar built from the exported .ics shows the same slots.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = LocalDate.FromDateOnly(date).At(LocalTime.FromTimeOnly(time));
        return zone.ResolveLocal(local, DesignResolver).ToInstant().ToDateTimeOffset();
    }

    /// <summary>The local date in <paramref name="zone"/> at <paramref name="instant"/> ("today" there).</summary>
    public static DateOnly LocalDateAt(DateTimeOffset instant, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Instant.FromDateTimeOffset(instant).InZone(zone).Date.ToDateOnly();
    }
}
