namespace CrossCoaching.Sessions.Elsewhere;

/// <summary>
/// What the check-in decides, in one place. A talk both partners confirm counts as held, like a session held in the
/// room. A lone claim ("We talked" from one partner, the other silent or saying "We didn't") counts as partial, like a
/// session only one partner came to: it shows in <c>/stats</c> under "partial" and, as every partial session does,
/// does not extend the streak and ends it. No claim leaves the session missed.
/// </summary>
public static class CheckInRule
{
    /// <summary>How long after its close a session still takes check-in answers.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>
    /// A ritual session that closed with nobody in a room: held outside Discord by design, or a Discord room that
    /// stayed empty. Both are offered the check-in; impromptu sessions are not (a bonus, not a promise).
    /// </summary>
    public static bool IsOffered(Session session) =>
        session is { Kind: SessionKind.Ritual, Status: SessionStatus.Closed } && (session.Outcome == SessionOutcome.Missed || session.Place.IsOutsideDiscord());

    public static bool IsOpen(Session session, DateTimeOffset now) => session.ClosedAt is { } closed && now - closed <= Window;

    /// <summary>The outcome from how many partners said "We talked".</summary>
    public static SessionOutcome OutcomeOf(int partnersWhoTalked) => partnersWhoTalked switch
    {
        >= 2 => SessionOutcome.Held,
        1 => SessionOutcome.Partial,
        _ => SessionOutcome.Missed,
    };
}
