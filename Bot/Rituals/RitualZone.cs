using CrossCoaching.Discord.Interactions;
using CrossCoaching.Rituals.Schedule;
using NodaTime;

namespace CrossCoaching.Rituals;

/// <summary>The zone of a stored ritual, for the commands that show its dates.</summary>
internal static class RitualZone
{
    /// <summary>
    /// The ritual's zone; a stored id the tz database does not know (saved by an older build, or dropped from TZDB)
    /// is told to the user as such, with the way out, instead of failing deeper in the schedule or the .ics.
    /// </summary>
    public static DateTimeZone Require(Ritual ritual, InteractionContext context) =>
        TimeZoneCatalog.TryFind(ritual.Rule.TimeZoneId, out var zone)
            ? zone
            : throw new UserErrorException(context.Text(RitualTexts.StoredZoneUnknown, ritual.Rule.TimeZoneId));
}
