namespace CrossCoaching.Rituals.Schedule;

/// <summary>The calendar half of a ritual: which local dates it falls on, whatever the time of day or zone.</summary>
internal static class RitualDates
{
    /// <summary>The first date on or after <paramref name="from"/> that the rule falls on.</summary>
    public static DateOnly FirstOnOrAfter(RitualRule rule, DateOnly from) => rule.Frequency switch
    {
        RitualFrequency.Week => NextWeekday(from, rule.Day),
        RitualFrequency.TwoWeeks => WithParity(NextWeekday(from, rule.Day), rule.AnchorDate),
        _ => Monthly(rule, from),
    };

    /// <summary>The first/second/third/fourth or last <paramref name="day"/> of a month.</summary>
    public static DateOnly InMonth(int year, int month, DayOfWeek day, RitualFrequency frequency)
    {
        if (frequency == RitualFrequency.Last)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)day + 7) % 7));
        }

        // First..Fourth: the fourth is at most the 28th, so it is always in the month and never means a fifth.
        var rank = frequency - RitualFrequency.First;
        return NextWeekday(new DateOnly(year, month, 1), day).AddDays(7 * rank);
    }

    private static DateOnly NextWeekday(DateOnly from, DayOfWeek day) =>
        from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);

    // Parity counts whole Monday-to-Sunday weeks, so an anchor that is not itself on the ritual's weekday (a day
    // changed later) still picks a definite week. A week either side of the anchor is fine: the rhythm extends
    // backwards too.
    private static DateOnly WithParity(DateOnly candidate, DateOnly anchor)
    {
        var weeks = (WeekStart(candidate).DayNumber - WeekStart(anchor).DayNumber) / 7;
        return weeks % 2 == 0 ? candidate : candidate.AddDays(7);
    }

    private static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static DateOnly Monthly(RitualRule rule, DateOnly from)
    {
        var thisMonth = InMonth(from.Year, from.Month, rule.Day, rule.Frequency);
        if (thisMonth >= from)
            return thisMonth;
        var next = new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        return InMonth(next.Year, next.Month, rule.Day, rule.Frequency);
    }
}
