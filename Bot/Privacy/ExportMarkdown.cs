using System.Globalization;
using System.Text;
using CrossCoaching.Localization;

namespace CrossCoaching.Privacy;

/// <summary>The export as a document a person reads, in their language; the JSON beside it holds the same data.</summary>
public static class ExportMarkdown
{
    public static string Render(PersonalExport data, Lang lang)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');

        Line(PrivacyTexts.MdTitle[lang]);
        Line();
        Line(PrivacyTexts.MdIntro.Format(lang, data.GuildId, data.UserId, When(data.ExportedAt)));
        if (data.Pairs.Count == 0 && data.Invitations.Count == 0)
        {
            Line();
            Line(PrivacyTexts.MdNothing[lang]);
        }

        foreach (var pair in data.Pairs)
        {
            Line();
            Line(PrivacyTexts.MdPair.Format(lang, pair.PartnerName, pair.Status));
            Line();
            Line(PrivacyTexts.MdPairDates.Format(lang, When(pair.FormedAt), pair.EndedAt is { } ended ? When(ended) : PrivacyTexts.MdNotEnded[lang], pair.RoundNumber, pair.YourName));
            if (pair.Ritual is { } r)
                Line(PrivacyTexts.MdRitual.Format(lang, r.Frequency, r.Day, r.LocalTime, r.TimeZone, r.DurationMinutes, r.ReminderMinutes, r.Paused ? PrivacyTexts.MdPaused[lang] : ""));
            if (pair.Sessions.Count > 0)
            {
                Line();
                Line(PrivacyTexts.MdSessions[lang]);
                foreach (var s in pair.Sessions)
                    AppendSession(md, s, lang);
            }

            if (pair.RoundAnswers.Count > 0)
            {
                Line();
                Line(PrivacyTexts.MdRoundAnswers[lang]);
                foreach (var a in pair.RoundAnswers)
                    Line(PrivacyTexts.MdRoundAnswer.Format(lang, a.Round, a.Answer, When(a.AnsweredAt)));
            }
        }

        if (data.Invitations.Count > 0)
        {
            Line();
            Line(PrivacyTexts.MdInvitations[lang]);
            foreach (var i in data.Invitations)
                Line(PrivacyTexts.MdInvitation.Format(lang, (i.Role == "sent" ? PrivacyTexts.MdSent : PrivacyTexts.MdReceived)[lang],
                    i.OtherMemberName ?? i.OtherMemberId, i.Status, When(i.CreatedAt)));
        }

        return md.ToString();
    }

    private static void AppendSession(StringBuilder md, ExportSession s, Lang lang)
    {
        var minutes = (int)s.YourVoiceAttendance.Sum(x => ((x.LeftAt ?? x.JoinedAt) - x.JoinedAt).TotalMinutes);
        md.Append(PrivacyTexts.MdSession.Format(lang, s.Number, When(s.SlotAt), s.Status, s.Outcome is null ? "" : $" ({s.Outcome})", minutes)).Append('\n');
        if (s.YourTakeaway is not { } t)
            return;
        md.Append(PrivacyTexts.MdTakeaway.Format(lang, t.Visibility, t.RevealedAt is null ? PrivacyTexts.MdHeld[lang] : "")).Append('\n');
        foreach (var line in t.Text.Split('\n'))
            md.Append("    > ").Append(line.TrimEnd('\r')).Append('\n');
    }

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
