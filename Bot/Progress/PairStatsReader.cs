using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Progress;

/// <summary>Loads what <see cref="PairStatistics"/> needs: the pair's sessions and the voice presence of those held or partial.</summary>
public sealed class PairStatsReader(SessionRepository sessions, AttendanceRepository attendance)
{
    public async Task<PairStats> ReadAsync(Pair pair, Snowflake member, IReadOnlyList<Session>? known = null, CancellationToken cancellationToken = default)
    {
        var all = known ?? await sessions.ListForPairAsync(pair.Id, cancellationToken);
        var stays = new Dictionary<long, IReadOnlyList<Stay>>();
        // Nobody was in the room of a missed session, so only held and partial ones are worth a query.
        foreach (var session in all.Where(s => SessionTally.Of(s) is Tally.Held or Tally.Partial))
            stays[session.Id] = await attendance.ListAsync(session.Id, cancellationToken);
        return PairStatistics.Compute(pair, all, stays, member);
    }
}
