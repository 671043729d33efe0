using System.Globalization;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Progress;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.Takeaways;

namespace CrossCoaching.Privacy;

/// <summary>
/// The words the Markdown export gives the codes of the JSON export. The JSON keeps its codes ("held", "Monday"):
/// programs read it, and a code must not change with the reader's language. The Markdown is read by the member,
/// in theirs, so it names each code with the words the bot already uses elsewhere where it has them.
/// </summary>
public static class ExportWords
{
    public static string ForPair(string code, Lang lang) => Word<PairStatus>(code, lang, status => status switch
    {
        PairStatus.Active => PrivacyTexts.MdPairActive,
        PairStatus.Suspended => PrivacyTexts.MdPairSuspended,
        PairStatus.Ended => PrivacyTexts.MdPairEnded,
        _ => null,
    });

    public static string ForSession(string code, Lang lang) => Word<SessionStatus>(code, lang, status => status switch
    {
        SessionStatus.Scheduled => PrivacyTexts.MdSessionScheduled,
        SessionStatus.Open => PrivacyTexts.MdSessionOpen,
        SessionStatus.Closed => PrivacyTexts.MdSessionClosed,
        SessionStatus.Missed => PrivacyTexts.MdSessionMissed,
        SessionStatus.Skipped => PrivacyTexts.MdSessionSkipped,
        SessionStatus.Cancelled => PrivacyTexts.MdSessionCancelled,
        SessionStatus.Failed => PrivacyTexts.MdSessionFailed,
        _ => null,
    });

    public static string ForOutcome(string code, Lang lang) => Word<SessionOutcome>(code, lang, outcome => outcome switch
    {
        SessionOutcome.Held => PrivacyTexts.MdOutcomeHeld,
        SessionOutcome.Partial => PrivacyTexts.MdOutcomePartial,
        SessionOutcome.Missed => PrivacyTexts.MdSessionMissed,
        SessionOutcome.Skipped => PrivacyTexts.MdSessionSkipped,
        _ => null,
    });

    public static string ForVisibility(string code, Lang lang) => Word<TakeawayVisibility>(code, lang, visibility => visibility switch
    {
        TakeawayVisibility.Public => TrailTexts.MarkPublic,
        TakeawayVisibility.Pair => TrailTexts.MarkPair,
        TakeawayVisibility.Private => TrailTexts.MarkPrivate,
        _ => null,
    });

    /// <summary>The answer as the member saw it, on the button they pressed.</summary>
    public static string ForAnswer(string code, Lang lang) => Word<RoundAnswer>(code, lang, answer => answer switch
    {
        RoundAnswer.Continue => ProgressTexts.ContinueButton,
        RoundAnswer.Stop => ProgressTexts.StopButton,
        _ => null,
    });

    public static string ForInvitation(string code, Lang lang) => Word<InvitationStatus>(code, lang, status => status switch
    {
        InvitationStatus.Pending => PrivacyTexts.MdInvitationPending,
        InvitationStatus.Accepted => PrivacyTexts.MdInvitationAccepted,
        InvitationStatus.Declined => PrivacyTexts.MdInvitationDeclined,
        InvitationStatus.Expired => PrivacyTexts.MdInvitationExpired,
        InvitationStatus.Cancelled => PrivacyTexts.MdInvitationCancelled,
        _ => null,
    });

    /// <summary>"every Monday at 14:00 (Europe/Paris), 15 minutes, reminder 10 minutes before", as <c>/ritual show</c> says it.</summary>
    public static string ForRitual(ExportRitual ritual, Lang lang) =>
        RitualFrequencyCodes.TryParse(ritual.Frequency, out var frequency)
        && Enum.TryParse<DayOfWeek>(ritual.Day, ignoreCase: true, out var day) && Enum.IsDefined(day)
        && TimeOnly.TryParseExact(ritual.LocalTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? RitualDescription.Describe(frequency, day, time, ritual.TimeZone, ritual.DurationMinutes, ritual.ReminderMinutes, lang,
                Sessions.TalkPlaces.TryParse(ritual.Place, out var place) ? place : Sessions.TalkPlace.Discord)
            : string.Join(' ', ritual.Frequency, ritual.Day, ritual.LocalTime, ritual.TimeZone);

    // The codes come from this process a moment earlier, so every one has words; should one not (a new enum member
    // without its words), the member still gets the export, with that code as it stands, rather than an error.
    private static string Word<T>(string code, Lang lang, Func<T, LocalizedText?> words) where T : struct, Enum =>
        Enum.TryParse<T>(code, ignoreCase: true, out var value) && Enum.IsDefined(value) && words(value) is { } text ? text[lang] : code;
}
