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
    /// <summary>The <see cref="UpdatedBy"/> of a change no member made: the bot paused or resumed it after a round.</summary>
    public static readonly Snowflake ChangedByTheBot = new(0);

    public bool IsActive => !Paused;

    /// <summary>Where the pair talks: the bot's voice room, or outside Discord (no room, a check-in afterwards).</summary>
    public Sessions.TalkPlace Place { get; init; }
}
