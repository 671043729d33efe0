using CrossCoaching.Discord;
using CrossCoaching.Rituals.Schedule;

namespace CrossCoaching.Rituals;

/// <summary>A pair's recurring slot: when (the rule), how long, how early the reminder, and whether it is paused.</summary>
public sealed record Ritual(
    long PairId,
    RitualRule Rule,
    int DurationMinutes,
    int ReminderMinutes,
    bool Paused,
    DateOnly? PausedUntil,
    DateTimeOffset UpdatedAt,
    Snowflake UpdatedBy)
{
    public bool IsActive => !Paused;
}
