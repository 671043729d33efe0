using Ical.Net;
using Ical.Net.DataTypes;

namespace CrossCoaching.Rituals.Schedule;

/// <summary>A ritual rule as an RFC 5545 RRULE (the parity of every-2-weeks comes from DTSTART, chosen by the caller).</summary>
internal static class RitualRecurrence
{
    public static RecurrencePattern ToPattern(RitualRule rule) => rule.Frequency switch
    {
        RitualFrequency.Week => Weekly(rule.Day, interval: 1),
        RitualFrequency.TwoWeeks => Weekly(rule.Day, interval: 2),
        RitualFrequency.Last => Monthly(rule.Day, -1),
        _ => Monthly(rule.Day, rule.Frequency - RitualFrequency.First + 1),
    };

    // FREQ=WEEKLY;BYDAY=MO or FREQ=WEEKLY;INTERVAL=2;BYDAY=MO.
    private static RecurrencePattern Weekly(DayOfWeek day, int interval) =>
        new(FrequencyType.Weekly, interval) { ByDay = { new WeekDay(day) } };

    // FREQ=MONTHLY;BYDAY=1WE … 4WE, or -1WE for the last one.
    private static RecurrencePattern Monthly(DayOfWeek day, int ordinal) =>
        new(FrequencyType.Monthly) { ByDay = { new WeekDay(day, ordinal) } };
}
