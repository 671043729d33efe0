namespace CrossCoaching.Rituals.Schedule;

/// <summary>
/// The zones most of our users live in, offered first by <see cref="TimeZoneCatalog.Suggest"/>. The first 25 are
/// what an empty search shows (Discord lists at most 25 choices), so their order matters.
/// </summary>
internal static class PopularTimeZones
{
    public static readonly string[] Ids =
    [
        "Europe/Paris", "Europe/London", "Europe/Brussels", "Europe/Zurich", "Europe/Berlin",
        "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam", "Europe/Lisbon",
        "America/New_York", "America/Chicago", "America/Los_Angeles", "America/Toronto",
        // An alias of America/Toronto since 2013, but it is what people in Montréal look for and TZDB (NodaTime's,
        // calendar apps') still knows it.
        "America/Montreal",
        "America/Sao_Paulo", "America/Martinique",
        "Africa/Casablanca", "Africa/Abidjan", "Africa/Dakar", "Indian/Reunion",
        "Asia/Tokyo", "Asia/Kolkata", "Asia/Shanghai", "Australia/Sydney", "UTC",
        // Beyond the first 25: still ranked first when they match what was typed.
        "Africa/Lagos", "Asia/Singapore", "Pacific/Noumea", "America/Guadeloupe", "America/Cayenne",
        "Pacific/Tahiti", "Indian/Mayotte", "Asia/Dubai",
    ];
}
