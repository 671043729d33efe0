using CrossCoaching.Sessions;

namespace CrossCoaching.Progress;

/// <summary>What one session means for a pair's statistics and streak.</summary>
public enum Tally
{
    /// <summary>Neither counts nor breaks: not finished yet, cancelled, failed, or an impromptu session that was not held.</summary>
    None,
    Held,
    Partial,
    Missed,

    /// <summary>Skipped ahead of time (<c>/ritual skip</c> or the reminder's button): kept out of the streak, never breaks it.</summary>
    AnnouncedSkip,

    /// <summary>Skipped without notice: breaks the streak like a miss. Nothing produces it today; the data allows it.</summary>
    UnannouncedSkip,
}

public static class SessionTally
{
    /// <summary>
    /// Classifies a session. Ritual sessions count whatever their outcome. An impromptu session (<c>/ritual now</c>)
    /// counts only when held: it is a bonus conversation, not a promise, so one that nobody joined is not held against
    /// the pair. Cancelled and failed sessions (the pair ended, the ritual changed, the bot could not make the room)
    /// were nobody's doing and count for nothing; so does a session whose slot passed while the bot was down
    /// (<see cref="SessionStatus.Missed"/>: its room never opened), unlike one whose room opened and stayed empty.
    /// </summary>
    public static Tally Of(Session session) => session switch
    {
        { Status: SessionStatus.Closed, Outcome: SessionOutcome.Held } => Tally.Held,
        { Kind: SessionKind.Impromptu } => Tally.None,
        { Status: SessionStatus.Closed, Outcome: SessionOutcome.Partial } => Tally.Partial,
        { Status: SessionStatus.Closed, Outcome: SessionOutcome.Missed } => Tally.Missed,
        { Status: SessionStatus.Skipped, SkipAnnounced: true } => Tally.AnnouncedSkip,
        { Status: SessionStatus.Skipped } => Tally.UnannouncedSkip,
        _ => Tally.None,
    };

    /// <summary>Held, partial or missed: the slot came and the room was (or should have been) there.</summary>
    public static bool TookPlace(this Tally tally) => tally is Tally.Held or Tally.Partial or Tally.Missed;
}
