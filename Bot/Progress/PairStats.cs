using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Progress;

/// <summary>
/// A pair's record, seen by one of its members.
/// <list type="bullet">
/// <item><see cref="AttendanceRate"/>: the sessions that took place (held + partial + missed) in which the member was
/// in the room at least once, divided by those sessions; null when none took place.</item>
/// <item><see cref="TimeTogether"/>: the time both partners were in the room at once, over every counted session.</item>
/// <item>Streaks: held sessions in a row. A partial session, a miss or an unannounced skip breaks the streak (the
/// streak is of conversations that happened); a talk held outside Discord counts by its check-in (both partners: held;
/// one alone: partial, see <see cref="Sessions.Elsewhere.CheckInRule"/>); an announced skip neither counts nor breaks; what
/// <see cref="SessionTally"/> calls <see cref="Tally.None"/> is transparent.</item>
/// </list>
/// </summary>
public sealed record PairStats(
    int Held,
    int Partial,
    int Missed,
    int Skipped,
    int Present,
    TimeSpan TimeTogether,
    int CurrentStreak,
    int LongestStreak)
{
    public static PairStats Empty { get; } = new(0, 0, 0, 0, 0, TimeSpan.Zero, 0, 0);

    public int TookPlace => Held + Partial + Missed;

    public double? AttendanceRate => TookPlace == 0 ? null : (double)Present / TookPlace;

    /// <summary>Whole minutes, rounded down.</summary>
    public int MinutesTogether => (int)TimeTogether.TotalMinutes;
}

public static class PairStatistics
{
    /// <param name="pair">The pair (its two members make "together").</param>
    /// <param name="sessions">The pair's sessions, in any order.</param>
    /// <param name="stays">Voice presence per session id; a session without an entry had nobody in its room.</param>
    /// <param name="member">Whose attendance rate to compute.</param>
    public static PairStats Compute(Pair pair, IEnumerable<Session> sessions, IReadOnlyDictionary<long, IReadOnlyList<Stay>> stays, Snowflake member)
    {
        int held = 0, partial = 0, missed = 0, skipped = 0, present = 0, streak = 0, longest = 0;
        var together = TimeSpan.Zero;
        foreach (var session in sessions.OrderBy(s => s.SlotAt))
        {
            var tally = SessionTally.Of(session);
            var roomStays = stays.GetValueOrDefault(session.Id) ?? [];
            if (tally.TookPlace())
            {
                together += Attendance.TimeTogether(roomStays, pair.MemberA, pair.MemberB, session.ClosedAt ?? session.CloseAt);
                if (roomStays.Any(s => s.UserId == member))
                    present++;
            }

            switch (tally)
            {
                case Tally.Held:
                    held++;
                    longest = Math.Max(longest, ++streak);
                    break;
                case Tally.Partial:
                    partial++;
                    streak = 0;
                    break;
                case Tally.Missed:
                    missed++;
                    streak = 0;
                    break;
                case Tally.AnnouncedSkip:
                    skipped++;
                    break;
                case Tally.UnannouncedSkip:
                    skipped++;
                    streak = 0;
                    break;
            }
        }

        return new PairStats(held, partial, missed, skipped, present, together, streak, longest);
    }

    /// <summary>At risk: the last two sessions that took place were both missed (skips and cancellations are looked past).</summary>
    public static bool IsAtRisk(IEnumerable<Session> sessions)
    {
        var lastTwo = sessions.OrderByDescending(s => s.SlotAt).Select(SessionTally.Of).Where(t => t.TookPlace()).Take(2).ToList();
        return lastTwo is [Tally.Missed, Tally.Missed];
    }
}
