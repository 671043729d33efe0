using System.Globalization;
using System.Text;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;

namespace CrossCoaching.Rituals;

/// <summary>A ritual in words ("every Monday at 14:00 (Europe/Paris), 15 minutes, reminder 10 minutes before").</summary>
public static class RitualDescription
{
    private static readonly string[] OrdinalsEn = ["first", "second", "third", "fourth", "last"];
    private static readonly string[] OrdinalsFr = ["premier", "deuxième", "troisième", "quatrième", "dernier"];

    public static string Describe(Ritual ritual, Lang lang) => Describe(
        ritual.Rule.Frequency, ritual.Rule.Day, ritual.Rule.LocalTime, ritual.Rule.TimeZoneId, ritual.DurationMinutes, ritual.ReminderMinutes, lang, ritual.Place);

    /// <summary>The same words from the ritual's parts, for readers that hold no <see cref="Ritual"/> (the personal data export).</summary>
    public static string Describe(
        RitualFrequency frequency, DayOfWeek weekday, TimeOnly localTime, string timeZoneId, int durationMinutes, int reminderMinutes, Lang lang,
        TalkPlace place = TalkPlace.Discord)
    {
        var day = lang.DayName(weekday);
        var time = localTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        var when = frequency switch
        {
            RitualFrequency.Week => RitualTexts.EveryWeekOn.Format(lang, day, time),
            RitualFrequency.TwoWeeks => RitualTexts.EveryTwoWeeksOn.Format(lang, day, time),
            var monthly => RitualTexts.MonthlyOn.Format(lang, (lang == Lang.Fr ? OrdinalsFr : OrdinalsEn)[monthly - RitualFrequency.First], day, time),
        };
        var reminder = reminderMinutes > 0 ? RitualTexts.ReminderBefore.Format(lang, reminderMinutes) : RitualTexts.NoReminder[lang];
        var summary = RitualTexts.Summary.Format(lang, when, timeZoneId, durationMinutes, reminder);
        return place.IsOutsideDiscord() ? summary + PlaceTexts.DescribeSuffix.Format(lang, place.Words(lang)) : summary;
    }

    /// <summary>The next occurrences as Discord timestamps, each reader seeing their own time zone.</summary>
    public static string Upcoming(IEnumerable<DateTimeOffset> slots, IReadOnlySet<DateTimeOffset> skipped, Lang lang)
    {
        var text = new StringBuilder(RitualTexts.NextSessions[lang]);
        foreach (var slot in slots)
        {
            var stamp = $"{Timestamps.Of(slot)} ({Timestamps.Of(slot, 'R')})";
            text.Append("\n• ").Append(skipped.Contains(slot) ? RitualTexts.SkippedMark.Format(lang, stamp) : stamp);
        }

        return text.ToString();
    }

    public static IReadOnlyList<CommandChoice> EveryChoices() =>
    [
        .. new[] { RitualTexts.Week, RitualTexts.TwoWeeks, RitualTexts.First, RitualTexts.Second, RitualTexts.Third, RitualTexts.Fourth, RitualTexts.Last }
            .Zip(RitualFrequencyCodes.All, (text, code) => new CommandChoice(text.En, code, text.ToLocalizations())),
    ];

    public static IReadOnlyList<CommandChoice> DayChoices() =>
    [
        .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday }
            .Select(d => new CommandChoice(
                Lang.En.DayName(d), d.ToString().ToLowerInvariant(), Localizations.French(Lang.Fr.DayName(d)))),
    ];
}
