using System.Globalization;
using System.Text;
using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Pool;

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
        if (data.Pairs.Count == 0 && data.Invitations.Count == 0 && data.Pool is null)
        {
            Line();
            Line(PrivacyTexts.MdNothing[lang]);
        }

        foreach (var pair in data.Pairs)
        {
            Line();
            Line(PrivacyTexts.MdPair.Format(lang, PartnerName(pair, lang), ExportWords.ForPair(pair.Status, lang)));
            Line();
            Line(PrivacyTexts.MdPairDates.Format(lang, When(pair.FormedAt), pair.EndedAt is { } ended ? When(ended) : PrivacyTexts.MdNotEnded[lang], pair.RoundNumber, pair.YourName));
            if (pair.Ritual is { } r)
                Line(PrivacyTexts.MdRitual.Format(lang, ExportWords.ForRitual(r, lang), r.Paused ? PrivacyTexts.MdPaused[lang] : ""));
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
                    Line(PrivacyTexts.MdRoundAnswer.Format(lang, a.Round, ExportWords.ForAnswer(a.Answer, lang), When(a.AnsweredAt)));
            }
        }

        if (data.Invitations.Count > 0)
        {
            Line();
            Line(PrivacyTexts.MdInvitations[lang]);
            foreach (var i in data.Invitations)
                Line(PrivacyTexts.MdInvitation.Format(lang, (i.Role == "sent" ? PrivacyTexts.MdSent : PrivacyTexts.MdReceived)[lang],
                    i.OtherMemberName ?? i.OtherMemberId, ExportWords.ForInvitation(i.Status, lang), When(i.CreatedAt)));
        }

        if (data.Pool is { } pool)
            md.Append(PoolExportMarkdown.Render(pool, lang));
        return md.ToString();
    }

    private static void AppendSession(StringBuilder md, ExportSession s, Lang lang)
    {
        var minutes = (int)s.YourVoiceAttendance.Sum(x => ((x.LeftAt ?? x.JoinedAt) - x.JoinedAt).TotalMinutes);
        var status = ExportWords.ForSession(s.Status, lang);
        // A missed or skipped session has the same outcome as its status: say it once.
        var outcome = s.Outcome is null ? status : ExportWords.ForOutcome(s.Outcome, lang);
        md.Append(PrivacyTexts.MdSession.Format(lang, s.Number, When(s.SlotAt), status, outcome == status ? "" : $" ({outcome})", minutes)).Append('\n');
        if (s.YourTakeaway is not { } t)
            return;
        md.Append(PrivacyTexts.MdTakeaway.Format(lang, ExportWords.ForVisibility(t.Visibility, lang), t.RevealedAt is null ? PrivacyTexts.MdHeld[lang] : "")).Append('\n');
        foreach (var line in t.Text.Split('\n'))
            md.Append("    > ").Append(line.TrimEnd('\r')).Append('\n');
    }

    // The JSON names a forgotten partner in English, as data; the reader gets it in their language.
    private static string PartnerName(ExportPair pair, Lang lang) =>
        ulong.TryParse(pair.PartnerId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && FormerMember.Is(new Snowflake(id))
            ? FormerMember.Name[lang]
            : pair.PartnerName;

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
