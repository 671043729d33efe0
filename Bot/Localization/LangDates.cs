namespace CrossCoaching.Localization;

/// <summary>
/// Day and month names and the long date, in the bot's own words. The process runs with invariant globalization
/// (no ICU: about 10 MiB less resident memory and one system library fewer to ship), so there is no culture data to
/// ask; English and French need only these few words.
/// </summary>
public static class LangDates
{
    // Indexed by DayOfWeek (Sunday = 0) and by month - 1.
    private static readonly string[] DaysEn = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] DaysFr = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

    private static readonly string[] MonthsEn =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] MonthsFr =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    public static string DayName(this Lang lang, DayOfWeek day) => (lang == Lang.Fr ? DaysFr : DaysEn)[(int)day];

    public static string MonthName(this Lang lang, int month) => (lang == Lang.Fr ? MonthsFr : MonthsEn)[month - 1];

    /// <summary>"Friday 20 November 2026", "vendredi 20 novembre 2026" (French writes the first of the month "1er").</summary>
    public static string LongDate(this Lang lang, DateOnly date)
    {
        var day = lang == Lang.Fr && date.Day == 1 ? "1er" : date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{lang.DayName(date.DayOfWeek)} {day} {lang.MonthName(date.Month)} {date.Year}";
    }
}
