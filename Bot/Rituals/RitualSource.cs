using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;

namespace CrossCoaching.Rituals;

/// <summary>A pair's ritual as the session planner reads it.</summary>
public sealed class RitualSource(RitualRepository rituals) : IRitualSource
{
    public async Task<RitualPlan?> ForPairAsync(long pairId, CancellationToken cancellationToken = default) =>
        await rituals.GetAsync(pairId, cancellationToken) is { } ritual
            ? new RitualPlan(ritual.Paused, ritual.DurationMinutes, ritual.ReminderMinutes, after => RitualSchedule.NextAfter(ritual.Rule, after), ritual.Place)
            : null;
}
