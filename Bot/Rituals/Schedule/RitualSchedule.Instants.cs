namespace CrossCoaching.Rituals.Schedule;

public static partial class RitualSchedule
{
    // Spring-forward gaps are at most a day long (Samoa skipped 30 Dec 2011 whole); quarter hours are the finest
    // step any zone has used, so walking back in quarter hours finds the last wall time before the gap.
    private static readonly TimeSpan GapStep = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LongestGap = TimeSpan.FromDays(2);

    /// <summary>
    /// The instant at which <paramref name="zone"/>'s clocks show <paramref name="date"/> <paramref name="time"/>.
    /// A wall time that does not exist (spring-forward gap) moves forward by the gap: Paris 02:30 on the day it
    /// jumps 02:00→03:00 is 03:30 CEST (01:30Z). A wall time that happens twice (fall-back) is its first, summer-time
    /// instant. Both follow RFC 5545 §3.3.5, so a calendar built from the exported .ics shows the same slots.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // Reading the wall time with the offset in force before the gap is the same as moving it by the gap.
            offset = OffsetBeforeGap(zone, local);
        }
        else if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: the first time the clocks show this wall time.
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(DateTime.SpecifyKind(local - offset, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    private static TimeSpan OffsetBeforeGap(TimeZoneInfo zone, DateTime invalidLocal)
    {
        for (var probe = invalidLocal - GapStep; invalidLocal - probe <= LongestGap; probe -= GapStep)
        {
            if (!zone.IsInvalidTime(probe))
                return zone.GetUtcOffset(probe);
        }

        throw new InvalidOperationException($"The zone {zone.Id} has a gap longer than {LongestGap.TotalDays} days.");
    }
}
