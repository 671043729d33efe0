using CrossCoaching.GuildSettings;
using CrossCoaching.Hosting;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;

namespace CrossCoaching.Sessions.Elsewhere;

/// <summary>
/// Owes the check-in to both partners when a ritual session closes with nobody in a room. Written right after the
/// close; a crash in between is caught by the reconciler's pass over recently closed sessions, and the outbox's key
/// makes it owed once however often either runs.
/// </summary>
public sealed class CheckInOffer(SessionRepository sessions, PairRepository pairs, Outbox outbox, GuildLanguage languages, TimeProvider time)
    : ISessionClosedHandler, IReconcilable
{
    public async Task OnClosedAsync(Session session, Pair pair, CancellationToken cancellationToken = default)
    {
        if (!CheckInRule.IsOffered(session) || pair.Status == PairStatus.Ended)
            return;
        var lang = await languages.ForGuildAsync(session.GuildId, cancellationToken);
        await outbox.EnqueueAsync(pair.Members.Select(to => CheckInMessages.For(session, pair, to, lang)), cancellationToken);
    }

    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var session in await sessions.ListClosedSinceAsync(now - TimeSpan.FromDays(1), cancellationToken))
        {
            if (!CheckInRule.IsOffered(session) || session.Outcome != SessionOutcome.Missed)
                continue; // answered already: the offer was made
            if (await pairs.GetAsync(session.PairId, cancellationToken) is not { } pair ||
                await outbox.HoldsAllAsync([.. pair.Members.Select(to => Letter.PartnerKey(session, CheckInMessages.Kind, to))], cancellationToken))
                continue;
            await OnClosedAsync(session, pair, cancellationToken);
        }
    }
}
