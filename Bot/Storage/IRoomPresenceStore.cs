namespace CrossCoaching.Storage;

/// <summary>
/// What the database knows of who is in a session's room, for an instance that sees none of its voice states
/// (<c>Sessions.SharedRoomPresence</c>). Here rather than beside its caller, unlike the Discord client's stores: an
/// interface in Sessions implemented in Storage would make Storage depend on Sessions, and through Rituals and the
/// other features that use Storage, close cycles the architecture forbids.
/// </summary>
public interface IRoomPresenceStore
{
    /// <summary>Whether other instances may share the database (PostgreSQL).</summary>
    bool Shared { get; }

    /// <summary>
    /// True when another instance than <paramref name="self"/> was alive after <paramref name="liveSince"/> (so someone
    /// records the room's voice states) and nobody is recorded in the session's room now.
    /// </summary>
    Task<bool> EmptyWhileWatchedAsync(long sessionId, string self, DateTimeOffset liveSince, CancellationToken cancellationToken = default);
}
