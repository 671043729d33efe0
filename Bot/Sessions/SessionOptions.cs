namespace CrossCoaching.Sessions;

/// <summary>Limits and defaults of a session. Bound from the <c>Sessions</c> section.</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>Absolute bounds any configured duration must stay within (one minute to one day).</summary>
    public const int DurationFloor = 1, DurationCeiling = 1440;

    /// <summary>Absolute bound for reminders: one week ahead at most.</summary>
    public const int ReminderCeiling = 10080;

    /// <summary>Absolute bound for the grace after the time-box.</summary>
    public const int GraceCeiling = 120;

    /// <summary>Lower bound accepted for a ritual's duration, default 5.</summary>
    public int MinimumDurationMinutes { get; set; } = 5;

    /// <summary>Upper bound accepted for a ritual's duration, default 120.</summary>
    public int MaximumDurationMinutes { get; set; } = 120;

    /// <summary>Upper bound accepted for a reminder lead time, default 1440 (one day).</summary>
    public int MaximumReminderMinutes { get; set; } = 1440;

    /// <summary>How long the room stays open after the time-box, default 5.</summary>
    public int GraceMinutes { get; set; } = 5;

    /// <summary>Duration of a ritual when <c>/ritual set</c> names none, default 15.</summary>
    public int DefaultDurationMinutes { get; set; } = 15;

    /// <summary>Reminder lead time when <c>/ritual set</c> names none, default 10 (0 = no reminder).</summary>
    public int DefaultReminderMinutes { get; set; } = 10;

    /// <summary>
    /// How many rooms Discord lets the bot create per minute in one guild, default 30 (it spaces channel creations).
    /// Rooms due at the same slot are prepared early enough for all of them to exist on time.
    /// </summary>
    public int RoomsPerMinute { get; set; } = 30;

    /// <summary>
    /// How many rooms the bot creates per second in all servers together, default 10 (1–50): Discord's 50 requests a
    /// second are the bot's in all, so a slot shared by many servers is prepared further ahead, leaving room for messages.
    /// </summary>
    public int RoomsPerSecondInAll { get; set; } = 10;

    /// <summary>
    /// How many closes due at the same moment run per second, default 10 (1–50): the later ones of a busy slot close a
    /// few seconds after their grace, so that deleting the rooms and sending their messages stays within Discord's pace.
    /// </summary>
    public int ClosesPerSecond { get; set; } = 10;

    /// <summary>How long before its slot a room is prepared at the least, in seconds, default 60.</summary>
    public int RoomLeadSeconds { get; set; } = 60;

    /// <summary>How often the reconciler compares the database with Discord and the scheduler, default 2 minutes.</summary>
    public int ReconcileMinutes { get; set; } = 2;

    /// <summary>
    /// How far ahead the scheduler holds session steps, default 120 minutes (at least twice the reconcile period, at
    /// most a day): steps further out stay in the database only, and each reconcile pass arms those that came within
    /// reach, so the scheduler's tables and its start-up stay the size of the next hours, not of every ritual.
    /// </summary>
    public int PlanAheadMinutes { get; set; } = 120;

    /// <summary>Both partners together this long (at most half the session) make a session "held", default 3.</summary>
    public int HeldTogetherMinutes { get; set; } = 3;

    /// <summary>
    /// How many <c>/ritual now</c> rooms one server may have at once (planned or open), default 25 (1–500): one member
    /// pressing again and again cannot fill the server's 500-channel limit.
    /// </summary>
    public int MaxImpromptuRoomsPerGuild { get; set; } = 25;
}
