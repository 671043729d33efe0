namespace CrossCoaching.Messaging;

/// <summary>
/// The kind of each message the bot owes, in one place. A kind is stored in the outbox and in session notices, and is
/// part of a letter's key, so a value never changes once shipped: renaming one would send its messages a second time.
/// </summary>
public static class NoticeKinds
{
    // A session's steps.
    public const string Remind = "remind", Welcome = "welcome", Warn = "warn", After = "after";
    public const string Failed = "failed", RoomPermissions = "room-permissions", Late = "late";

    // A pair's life.
    public const string RitualChange = "ritual-change", Unpaired = "unpaired", PartnerLeft = "partner-left", PartnerForgot = "partner-forgot";
    public const string EndedByManager = "ended-by-manager";
    public const string Takeaway = "takeaway";

    // Rounds.
    public const string RoundEnd = "round-end", RoundTimeout = "round-timeout", RoundPaused = "round-paused";
    public const string RoundContinued = "round-continued", RoundStopped = "round-stopped";

    // A server's managers and members.
    public const string BotRemoved = "bot-removed", GuildWelcome = "guild-welcome";

    /// <summary>A note to a server's managers about <paramref name="topic"/> (a lost category, missing permissions…).</summary>
    public static string Managers(string topic) => $"managers-{topic}";
}
