using CrossCoaching.Discord;

namespace CrossCoaching.Sessions;

public enum SessionKind
{
    Ritual,
    Impromptu,
}

public enum SessionStatus
{
    Scheduled,
    Open,
    Closed,
    Missed,
    Skipped,
    Cancelled,
    Failed,
}

public enum SessionOutcome
{
    Held,
    Partial,
    Missed,
    Skipped,
}

/// <summary>The steps of a session, in order. Each has a due time and a state in <c>session_steps</c>.</summary>
public enum SessionStep
{
    Remind,
    Prepare,
    Open,
    Warn,
    Close,
}

public enum StepState
{
    Pending,
    Done,
    Dropped,
    Failed,
}

/// <summary>One occurrence of a pair's ritual, or an impromptu session.</summary>
public sealed record Session(
    long Id,
    long PairId,
    Snowflake GuildId,
    SessionKind Kind,
    DateTimeOffset SlotAt,
    int DurationMinutes,
    int GraceMinutes,
    SessionStatus Status,
    SessionOutcome? Outcome,
    bool SkipAnnounced,
    Snowflake? RoomChannelId,
    Snowflake? RoomParentId,
    string? Failure,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt)
{
    /// <summary>When the time-box ends and the warning is posted.</summary>
    public DateTimeOffset EndsAt => SlotAt.AddMinutes(DurationMinutes);

    /// <summary>When the room is deleted.</summary>
    public DateTimeOffset CloseAt => EndsAt.AddMinutes(GraceMinutes);

    public bool IsFinished => Status is not (SessionStatus.Scheduled or SessionStatus.Open);

    /// <summary>Where the pair talks; outside Discord no room is opened and a check-in records the talk.</summary>
    public TalkPlace Place { get; init; }

    /// <summary>How many times "+5 min" was pressed in the room (the time-box is already in <see cref="DurationMinutes"/>).</summary>
    public int Extensions { get; init; }
}

public sealed record SessionStepDue(long SessionId, SessionStep Step, DateTimeOffset DueAt, StepState State, int Attempts);

/// <summary>A stay of one member in a session's room.</summary>
public sealed record Stay(Snowflake UserId, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt);

internal static class SessionCodes
{
    public static string Code<T>(this T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static T Parse<T>(string code) where T : struct, Enum => Enum.Parse<T>(code, ignoreCase: true);
}
