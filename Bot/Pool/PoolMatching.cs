using CrossCoaching.Discord;
using CrossCoaching.Pool.Matching;

namespace CrossCoaching.Pool;

/// <summary>
/// One matching run for a guild: the waiting entries and what keeps members apart, read from the database, through
/// the pure <see cref="PoolMatcher"/>, and back as pending proposals.
/// </summary>
public sealed class PoolMatching(
    PoolEntryRepository entries, PoolExclusionRepository exclusions, PoolProposalRepository proposals, TimeProvider time)
{
    /// <summary>How long both members have to answer a proposal.</summary>
    public static readonly TimeSpan AnswerTime = TimeSpan.FromHours(48);

    /// <param name="session">The guild's default session duration: two members fit when their windows overlap that long.</param>
    /// <param name="owe">Writes the messages each proposal owes, in the transaction that records it.</param>
    /// <param name="eligible">
    /// Asked about each member the matcher would propose (not about everyone waiting: it may ask Discord); one refused
    /// is left out and the matching runs again without them, so the others are still matched as well as can be.
    /// </param>
    /// <returns>The proposals made.</returns>
    public async Task<IReadOnlyList<PoolProposal>> RunAsync(
        Snowflake guildId, TimeSpan session, Func<Storage.DbWork, PoolProposal, Task>? owe = null, Func<PoolEntry, Task<bool>>? eligible = null,
        CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var waiting = (await entries.WaitingAsync(guildId, now, cancellationToken)).ToDictionary(e => e.UserId.Value);
        // An entry whose zone left the time zone database cannot be placed in time; it waits for its member to fix it.
        var candidates = waiting.Values.Select(e => e.ToCandidate()).OfType<PoolCandidate>().ToList();
        var apart = await exclusions.LoadAsync(guildId, cancellationToken);
        var answers = new Dictionary<ulong, bool>();
        while (true)
        {
            if (candidates.Count < 2)
                return [];
            var matches = PoolMatcher.Match(candidates, apart, session, now);
            var members = matches.SelectMany(m => new[] { m.First, m.Second }).ToList();
            foreach (var member in members.Where(m => eligible is not null && !answers.ContainsKey(m)))
                answers[member] = await eligible!(waiting[member]);
            if (members.All(m => answers.GetValueOrDefault(m, true)))
                return matches.Count == 0 ? [] : await proposals.ProposeAsync(guildId, matches, now, now + AnswerTime, owe, cancellationToken);
            candidates = [.. candidates.Where(c => answers.GetValueOrDefault(c.UserId, true))];
        }
    }
}
