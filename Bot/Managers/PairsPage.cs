using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;

namespace CrossCoaching.Managers;

/// <summary>
/// One page of <c>/coaching pairs</c>. A page is named by the id of its first pair, not by its number, so it stays the
/// same page when pairs form or end meanwhile: "Next" shows the pairs from the one after the last shown, whatever
/// happened before it. <paramref name="First"/> is the 1-based position of the first pair in the list as it is now.
/// </summary>
public sealed record PairsPage(IReadOnlyList<PairHealth> Pairs, int First, int Total, long From, long? PreviousFrom, long? NextFrom);

public sealed class PairsPageReader(PairRepository pairs, SessionRepository sessions, RitualRepository rituals, TimeProvider time)
{
    /// <summary>Five pairs: a row of five "End" buttons is as many as a Discord message row holds.</summary>
    public const int PageSize = 5;

    /// <param name="from">The id of the first pair to show, or 0 for the first page. A page whose pairs have all ended
    /// since falls back to the last page there is.</param>
    public async Task<PairsPage> ReadAsync(Snowflake guildId, long from, CancellationToken cancellationToken = default)
    {
        var ids = await pairs.ListCurrentIdsAsync(guildId, cancellationToken);
        var start = ids.Count(id => id < from);
        if (start >= ids.Count)
            start = Math.Max(0, ids.Count - PageSize);
        var shown = ids.Skip(start).Take(PageSize).ToList();
        var now = time.GetUtcNow();
        var health = new List<PairHealth>();
        foreach (var id in shown)
        {
            if (await pairs.GetAsync(id, cancellationToken) is not { Status: not PairStatus.Ended } pair)
                continue; // ended between the two reads: gone from the list
            var ritual = await rituals.GetAsync(pair.Id, cancellationToken);
            health.Add(PairHealthRule.Of(pair, await sessions.ListForPairAsync(pair.Id, cancellationToken), ritual is not null, ritual?.Paused == true, now));
        }

        return new PairsPage(health, start + 1, ids.Count, shown.FirstOrDefault(),
            start > 0 ? ids[Math.Max(0, start - PageSize)] : null,
            start + PageSize < ids.Count ? ids[start + PageSize] : null);
    }
}
