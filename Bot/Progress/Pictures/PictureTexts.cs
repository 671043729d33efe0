using CrossCoaching.Localization;

namespace CrossCoaching.Progress.Pictures;

/// <summary>The words on the pictures and in their descriptions (the alt text screen readers read out).</summary>
public static class PictureTexts
{
    public static readonly LocalizedText Held = new("Held", "Tenue");
    public static readonly LocalizedText Partial = new("Partial", "Partielle");
    public static readonly LocalizedText Missed = new("Missed", "Manquée");
    public static readonly LocalizedText Skipped = new("Skipped", "Passée");
    public static readonly LocalizedText HeldElsewhere = new("Held elsewhere", "Tenue ailleurs");
    public static readonly LocalizedText FailedByBot = new("Failed (the bot's fault)", "Échec (du fait du bot)");

    public static readonly LocalizedText HeldCount = new("{0} held", "tenues : {0}");
    public static readonly LocalizedText PartialCount = new("{0} partial", "partielles : {0}");
    public static readonly LocalizedText MissedCount = new("{0} missed", "manquées : {0}");
    public static readonly LocalizedText SkippedCount = new("{0} skipped", "passées : {0}");
    public static readonly LocalizedText HeldElsewhereCount = new("{0} held elsewhere", "tenues ailleurs : {0}");
    public static readonly LocalizedText FailedByBotCount = new("{0} failed by the bot", "échouées du fait du bot : {0}");
    public static readonly LocalizedText NoSessions = new("no session yet", "aucune séance pour l'instant");

    public static readonly LocalizedText PairTitle = new("Your ritual — the last {0} weeks", "Votre rituel — les {0} dernières semaines");
    public static readonly LocalizedText PairTitleSince = new("Your ritual — since {0}", "Votre rituel — depuis le {0}");
    public static readonly LocalizedText PairLine = new(
        "Current streak: {0} · Longest: {1} · {2} min together", "Série en cours : {0} · Record : {1} · {2} min ensemble");
    public static readonly LocalizedText PairDescription = new(
        "Your ritual over the last {0} weeks, {1} sessions: {2}. Current streak: {3} held in a row; longest streak: {4}. {5} minutes together.",
        "Votre rituel sur les {0} dernières semaines, {1} séances — {2}. Série en cours : {3} séances tenues d'affilée ; record : {4}. {5} minutes ensemble.");
    public static readonly LocalizedText PairDescriptionSince = new(
        "Your ritual since {0}, {1} sessions: {2}. Current streak: {3} held in a row; longest streak: {4}. {5} minutes together.",
        "Votre rituel depuis le {0}, {1} séances — {2}. Série en cours : {3} séances tenues d'affilée ; record : {4}. {5} minutes ensemble.");

    public static readonly LocalizedText RoundTitle = new("Round {0} · current streak: {1}", "Cycle {0} · série en cours : {1}");
    public static readonly LocalizedText RoundDescription = new(
        "Round {0}, {1} sessions: {2}. Current streak: {3} held in a row.",
        "Cycle {0}, {1} séances — {2}. Série en cours : {3} séances tenues d'affilée.");

    public static readonly LocalizedText ServerTitle = new("Sessions per week — the last {0} weeks", "Séances par semaine — les {0} dernières semaines");
    public static readonly LocalizedText ServerDescription = new(
        "Sessions in this server per week over the last {0} weeks, {1} in all: {2}. At most {3} in one week.",
        "Séances de ce serveur par semaine sur les {0} dernières semaines, {1} en tout — {2}. Au plus {3} en une semaine.");

    private static readonly string[] ShortMonthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] ShortMonthsFr = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

    public static LocalizedText Label(PictureOutcome outcome) => outcome switch
    {
        PictureOutcome.Held => Held,
        PictureOutcome.Partial => Partial,
        PictureOutcome.Missed => Missed,
        PictureOutcome.Skipped => Skipped,
        PictureOutcome.HeldElsewhere => HeldElsewhere,
        _ => FailedByBot,
    };

    public static LocalizedText CountOf(PictureOutcome outcome) => outcome switch
    {
        PictureOutcome.Held => HeldCount,
        PictureOutcome.Partial => PartialCount,
        PictureOutcome.Missed => MissedCount,
        PictureOutcome.Skipped => SkippedCount,
        PictureOutcome.HeldElsewhere => HeldElsewhereCount,
        _ => FailedByBotCount,
    };

    /// <summary>"9 held, 2 missed" / "tenues : 9, manquées : 2": the outcomes that occur, in legend order.</summary>
    public static string Counts(Func<PictureOutcome, int> count, Lang lang)
    {
        var parts = PictureOutcomes.All.Where(o => count(o) > 0).Select(o => CountOf(o).Format(lang, count(o))).ToList();
        return parts.Count == 0 ? NoSessions[lang] : string.Join(lang == Lang.Fr ? " ; " : ", ", parts);
    }

    public static string ShortMonth(Lang lang, int month) => (lang == Lang.Fr ? ShortMonthsFr : ShortMonthsEn)[month - 1];

    /// <summary>"3 Mar" / "3 mars": day before month in both languages.</summary>
    public static string ShortDate(Lang lang, DateOnly date) =>
        $"{date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)} {ShortMonth(lang, date.Month)}";

    /// <summary>"3 March 2026" / "3 mars 2026".</summary>
    public static string Date(Lang lang, DateOnly date)
    {
        var day = lang == Lang.Fr && date.Day == 1 ? "1er" : date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{day} {lang.MonthName(date.Month)} {date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
