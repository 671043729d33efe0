using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Rituals;

/// <summary>What follows a change of ritual: future sessions re-planned (the partner is told through <see cref="PairNotices"/>).</summary>
public sealed class RitualChanges(
    SessionRepository sessions,
    SessionEnder ender,
    SessionPlanner planner,
    TimeProvider time)
{
    /// <summary>
    /// Cancels the planned sessions that have not opened (their rooms, if prepared, go too) and plans the next one
    /// from the ritual as it is now. A session already open runs to its end.
    /// </summary>
    public async Task<Session?> ReplanAsync(Pair pair, CancellationToken cancellationToken = default)
    {
        foreach (var session in await sessions.ListUnfinishedForPairAsync(pair.Id, cancellationToken))
            if (session is { Kind: SessionKind.Ritual, Status: SessionStatus.Scheduled } && session.SlotAt > time.GetUtcNow())
                await ender.CancelAsync(session.Id, SessionStatus.Cancelled, announced: false, cancellationToken);
        return await planner.PlanNextAsync(pair.Id, cancellationToken);
    }
}
