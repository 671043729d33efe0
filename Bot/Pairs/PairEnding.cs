using CrossCoaching.Messaging;
using CrossCoaching.Storage;

namespace CrossCoaching.Pairs;

/// <summary>
/// The one way a pair is ended on request (<c>/unpair</c>, a manager's "End" in <c>/coaching pairs</c>): the pair ends
/// and the messages it owes its partners are written in one transaction, so a crash cannot end it silently or tell
/// anyone twice; then its sessions to come are cancelled and an open room closes. Its history (sessions, takeaways,
/// trail) stays.
/// </summary>
public sealed class PairEnding(SqliteConnectionFactory connections, PairRepository pairs, IPairSessions pairSessions, Outbox outbox, TimeProvider time)
{
    /// <returns>False when the pair had ended already (a second press, another manager first): nothing was done.</returns>
    public async Task<bool> EndAsync(Pair pair, string reason, IEnumerable<Letter> letters, CancellationToken cancellationToken = default)
    {
        await using (var work = await connections.BeginAsync(cancellationToken))
        {
            if (!await pairs.EndAsync(work, pair.Id, reason, time.GetUtcNow()))
                return false;
            await outbox.EnqueueAsync(work, letters);
            await work.CommitAsync(cancellationToken);
        }

        await pairSessions.EndAllAsync(pair.Id, cancellationToken);
        return true;
    }
}
