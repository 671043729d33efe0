using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;

namespace CrossCoaching.Rituals;

/// <summary>
/// The ritual's next occurrences as they will happen: a session moved with <c>/ritual move</c> shows at its new slot,
/// and its original slot no longer shows.
/// </summary>
public sealed class MovedOccurrences(SessionMoveRepository moves)
{
    public async Task<IReadOnlyList<DateTimeOffset>> UpcomingAsync(long pairId, RitualRule rule, DateTimeOffset now, int count, CancellationToken cancellationToken = default)
    {
        var moved = (await moves.ForPairAsync(pairId, cancellationToken)).Where(m => m.Status is SessionStatus.Scheduled or SessionStatus.Skipped).ToList();
        var originals = moved.Select(m => m.OriginalSlot).ToHashSet();
        return
        [
            .. RitualSchedule.Upcoming(rule, now, count + originals.Count).Where(s => !originals.Contains(s))
                .Concat(moved.Where(m => m.SlotAt > now).Select(m => m.SlotAt))
                .Order().Take(count),
        ];
    }
}
