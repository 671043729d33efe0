using CrossCoaching.Sessions;

namespace CrossCoaching.Progress.Pictures;

/// <summary>What a cell of a picture shows: how one occurrence of the ritual went.</summary>
public enum PictureOutcome
{
    Held,
    Partial,
    Missed,
    Skipped,

    /// <summary>
    /// The partners met, but not in the bot's room: a ritual held outside Discord (phone, walk, in person) that both
    /// confirmed with the check-in, or a room that stayed empty while both said they talked anyway.
    /// </summary>
    HeldElsewhere,

    /// <summary>The bot could not make the room (a failed session), or was down at the slot: nobody's doing but ours.</summary>
    FailedByBot,
}

public static class PictureOutcomes
{
    public static readonly IReadOnlyList<PictureOutcome> All = Enum.GetValues<PictureOutcome>();

    /// <summary>
    /// A ritual session that came to its slot, as a cell; null for what the picture leaves out: impromptu sessions (not
    /// the ritual), sessions still ahead or running, and cancelled ones (the ritual changed or the pair ended: no
    /// occurrence was due).
    /// </summary>
    public static PictureOutcome? Of(Session session) => session switch
    {
        { Kind: not SessionKind.Ritual } => null,
        { Status: SessionStatus.Closed, Outcome: SessionOutcome.Held, Place: not TalkPlace.Discord } => PictureOutcome.HeldElsewhere,
        { Status: SessionStatus.Closed, Outcome: SessionOutcome.Held } => PictureOutcome.Held,
        { Status: SessionStatus.Closed, Outcome: SessionOutcome.Partial } => PictureOutcome.Partial,
        { Status: SessionStatus.Closed, Outcome: SessionOutcome.Missed } => PictureOutcome.Missed,
        { Status: SessionStatus.Skipped } or { Status: SessionStatus.Closed, Outcome: SessionOutcome.Skipped } => PictureOutcome.Skipped,
        // A slot that passed while the bot was down (its room never opened) is ours, not the pair's: as SessionTally
        // keeps it out of the streak, the picture colours it like a session the bot failed to hold.
        { Status: SessionStatus.Failed or SessionStatus.Missed } => PictureOutcome.FailedByBot,
        _ => null,
    };

    /// <summary>The server's chart counts every session: the ritual's, and impromptu ones that were held.</summary>
    public static PictureOutcome? OfAny(Session session) =>
        session is { Kind: SessionKind.Impromptu, Status: SessionStatus.Closed, Outcome: SessionOutcome.Held } ? PictureOutcome.Held : Of(session);
}
