using CrossCoaching.Discord;

namespace CrossCoaching.Sessions;

/// <summary>What voice presence says about a session: who came, and for how long together.</summary>
public static class Attendance
{
    /// <summary>
    /// Held when both partners were in the room together for at least <paramref name="heldTogether"/>; partial when
    /// at least one of them came; missed when nobody did.
    /// </summary>
    public static SessionOutcome OutcomeOf(IReadOnlyList<Stay> stays, Snowflake a, Snowflake b, DateTimeOffset end, TimeSpan heldTogether)
    {
        if (TimeTogether(stays, a, b, end) >= heldTogether)
            return SessionOutcome.Held;
        return stays.Any(s => s.UserId == a || s.UserId == b) ? SessionOutcome.Partial : SessionOutcome.Missed;
    }

    /// <summary>The total time both partners were in the room at once; stays still open count until <paramref name="end"/>.</summary>
    public static TimeSpan TimeTogether(IReadOnlyList<Stay> stays, Snowflake a, Snowflake b, DateTimeOffset end)
    {
        var together = TimeSpan.Zero;
        foreach (var first in stays.Where(s => s.UserId == a))
            foreach (var second in stays.Where(s => s.UserId == b))
            {
                var from = first.JoinedAt > second.JoinedAt ? first.JoinedAt : second.JoinedAt;
                var firstEnd = first.LeftAt ?? end;
                var secondEnd = second.LeftAt ?? end;
                var to = firstEnd < secondEnd ? firstEnd : secondEnd;
                if (to > from)
                    together += to - from;
            }

        return together;
    }
}
