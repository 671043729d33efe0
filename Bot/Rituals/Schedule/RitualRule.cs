namespace CrossCoaching.Rituals.Schedule;

/// <summary>
/// A ritual's recurrence, as stored: a wall-clock time in an IANA zone, so that the slot keeps its local time
/// across daylight-saving changes (a fixed UTC instant would drift by an hour twice a year).
/// </summary>
/// <param name="Frequency">Weekly, every other week, or the first…fourth/last <paramref name="Day"/> of the month.</param>
/// <param name="Day">The weekday of every occurrence.</param>
/// <param name="LocalTime">The wall-clock time in <paramref name="TimeZoneId"/>.</param>
/// <param name="TimeZoneId">An IANA id such as <c>Europe/Paris</c> (see <see cref="TimeZoneCatalog"/>).</param>
/// <param name="AnchorDate">
/// Only for <see cref="RitualFrequency.TwoWeeks"/>: occurrences fall in the weeks (Monday to Sunday) an even number
/// of weeks away from the week holding this local date. <see cref="RitualSchedule.AnchorFor"/> gives it when a
/// ritual is set; keep it when only the time or zone changes, so the rhythm does not jump. Ignored otherwise.
/// </param>
public sealed record RitualRule(
    RitualFrequency Frequency,
    DayOfWeek Day,
    TimeOnly LocalTime,
    string TimeZoneId,
    DateOnly AnchorDate);
