namespace CrossCoaching.Sessions;

/// <summary>
/// The ritual a pair's sessions are planned from, as sessions need it. Rituals implements it: sessions depend on this
/// narrow seam, not on how rituals are stored or how their rule is computed.
/// </summary>
public interface IRitualSource
{
    /// <summary>The pair's ritual, or null when it has none.</summary>
    Task<RitualPlan?> ForPairAsync(long pairId, CancellationToken cancellationToken = default);
}

/// <param name="NextSlotAfter">The first occurrence strictly after an instant, or null when the rule has no more.</param>
/// <param name="Place">Where the pair talks; outside Discord the sessions open no room.</param>
public sealed record RitualPlan(
    bool Paused, int DurationMinutes, int ReminderMinutes, Func<DateTimeOffset, DateTimeOffset?> NextSlotAfter, TalkPlace Place = TalkPlace.Discord)
{
    /// <summary>Whether the rule has an occurrence exactly at <paramref name="slot"/>.</summary>
    public bool IsOccurrence(DateTimeOffset slot) => NextSlotAfter(slot.AddTicks(-1)) == slot;
}
