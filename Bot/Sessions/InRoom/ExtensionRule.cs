namespace CrossCoaching.Sessions.InRoom;

public enum ExtensionRefusal
{
    None,
    NotRunning,
    NoMoreExtensions,
    TooLong,
    NextSessionTooClose,
}

/// <summary>
/// When "+5 min" may move a session's end: while it is open, at most <see cref="MaxExtensions"/> times, never beyond the
/// longest duration allowed, and never so late that the room would still be open when the pair's next session starts.
/// </summary>
public static class ExtensionRule
{
    public const int Minutes = 5;

    public const int MaxExtensions = 3;

    public static ExtensionRefusal Check(Session session, DateTimeOffset now, int maximumDurationMinutes, DateTimeOffset? nextSlot)
    {
        if (session.Status != SessionStatus.Open || now >= session.CloseAt)
            return ExtensionRefusal.NotRunning;
        if (session.Extensions >= MaxExtensions)
            return ExtensionRefusal.NoMoreExtensions;
        if (session.DurationMinutes + Minutes > maximumDurationMinutes)
            return ExtensionRefusal.TooLong;
        if (nextSlot is { } next && session.CloseAt.AddMinutes(Minutes) > next)
            return ExtensionRefusal.NextSessionTooClose;
        return ExtensionRefusal.None;
    }
}
