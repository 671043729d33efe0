using System.Text;
using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;

namespace CrossCoaching.Progress;

/// <summary>The text of <c>/stats</c>, in one language. Never any takeaway: the statistics are counts and names only.</summary>
public static class StatsReport
{
    /// <summary>At most this many pairs at risk are named; the rest are counted.</summary>
    public const int AtRiskListed = 15;

    public static string PairSection(Pair pair, Snowflake me, PairStats stats, RoundState round, Lang lang)
    {
        var partner = Markdown.Name(pair.NameOf(pair.PartnerOf(me)));
        var header = pair.Status switch
        {
            PairStatus.Ended => ProgressTexts.PairHeaderEnded,
            PairStatus.Suspended => ProgressTexts.PairHeaderSuspended,
            _ => ProgressTexts.PairHeader,
        };
        var text = new StringBuilder(header.Format(lang, partner))
            .Append('\n').Append(ProgressTexts.Sessions.Format(lang, stats.Held, stats.Partial, stats.Missed, stats.Skipped))
            .Append('\n').Append(stats.AttendanceRate is { } rate
                ? ProgressTexts.Attendance.Format(lang, (int)Math.Round(rate * 100, MidpointRounding.AwayFromZero), stats.Present, stats.TookPlace)
                : ProgressTexts.NoAttendanceYet[lang])
            .Append('\n').Append(ProgressTexts.Minutes.Format(lang, stats.MinutesTogether))
            .Append('\n').Append(ProgressTexts.Streak.Format(lang, stats.CurrentStreak, stats.LongestStreak))
            .Append('\n').Append(pair.Status == PairStatus.Ended ? ProgressTexts.RoundsOfEndedPair.Format(lang, pair.RoundNumber) : RoundLine(round, lang));
        return text.ToString();
    }

    /// <summary>"Round 2: 3/4 sessions", or that the round is complete and waits for the answers.</summary>
    public static string RoundLine(RoundState round, Lang lang) => round.IsOver
        ? ProgressTexts.RoundWaiting.Format(lang, round.Pair.RoundNumber, round.Progress.Length)
        : ProgressTexts.RoundLine.Format(lang, round.Pair.RoundNumber, round.Progress.Done, round.Progress.Length);

    public static string ServerSection(int activePairs, IReadOnlyList<Pair> atRisk, Lang lang)
    {
        var text = new StringBuilder(ProgressTexts.ServerHeader[lang])
            .Append('\n').Append(ProgressTexts.ActivePairs.Format(lang, activePairs))
            .Append('\n').Append(atRisk.Count == 0 ? ProgressTexts.AtRiskNone[lang] : ProgressTexts.AtRisk.Format(lang, atRisk.Count));
        foreach (var pair in atRisk.Take(AtRiskListed))
            text.Append('\n').Append(ProgressTexts.AtRiskPair.Format(lang, Markdown.Name(pair.NameA), Markdown.Name(pair.NameB)));
        if (atRisk.Count > AtRiskListed)
            text.Append('\n').Append(ProgressTexts.AtRiskMore.Format(lang, atRisk.Count - AtRiskListed));
        return text.ToString();
    }
}
