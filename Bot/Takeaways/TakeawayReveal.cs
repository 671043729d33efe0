using CrossCoaching.GuildSettings;
using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Takeaways;

/// <summary>
/// The simultaneous reveal: a session's takeaways are held until both partners shared theirs, or until the deadline;
/// then they are revealed together and delivered — public ones to the trail channel in one message, pair ones to the
/// partner, private ones nowhere. Safe to call from both partners and the reconciler at once.
/// </summary>
public sealed class TakeawayReveal(
    TakeawayRepository takeaways,
    GuildSettingsRepository settings,
    GuildLanguage languages,
    TrailPoster trail,
    PartnerDelivery partners,
    Storage.SqliteConnectionFactory connections,
    IClusterLocks locks,
    TimeProvider time,
    ILogger<TakeawayReveal> logger)
{
    // The lock serialises the delivery of one session's takeaways across the instances; the claim in the database is
    // what makes the reveal itself happen once.

    public static bool BothShared(Pair pair, IReadOnlyList<Takeaway> shared) => pair.Members.All(m => shared.Any(t => t.AuthorId == m));

    /// <summary>Reveals the session's held takeaways if both partners shared or the deadline passed.</summary>
    /// <returns>True when this call revealed something.</returns>
    public async Task<bool> RevealIfDueAsync(Session session, Pair pair, CancellationToken cancellationToken = default)
    {
        var shared = await takeaways.ListForSessionAsync(session.Id, cancellationToken);
        if (shared.All(t => t.IsRevealed))
            return false;
        if (!BothShared(pair, shared) && time.GetUtcNow() < TakeawaySessions.RevealDeadline(session))
            return false;

        await using var _ = await locks.AcquireAsync(LockScope.Takeaway, session.Id, cancellationToken);
        var publicRoute = (await settings.GetAsync(session.GuildId, cancellationToken)).TrailChannelId is null ? TakeawayRoute.Partner : TakeawayRoute.Trail;
        var revealed = await takeaways.ClaimRevealAsync(session.Id, publicRoute, time.GetUtcNow(), cancellationToken);
        if (revealed.Count == 0)
            return false;
        logger.LogInformation("Revealed {Count} takeaway(s) of session {Session}", revealed.Count, session.Id);
        await DeliverLockedAsync(session, pair, cancellationToken);
        return true;
    }

    /// <summary>Delivers what was revealed and has not reached its reader yet (after an outage).</summary>
    public async Task DeliverAsync(Session session, Pair pair, CancellationToken cancellationToken = default)
    {
        await using var _ = await locks.AcquireAsync(LockScope.Takeaway, session.Id, cancellationToken);
        await DeliverLockedAsync(session, pair, cancellationToken);
    }

    /// <summary>Re-renders the session's trail message, e.g. after a member was forgotten.</summary>
    public async Task RefreshTrailAsync(Session session, Pair pair, CancellationToken cancellationToken = default)
    {
        await using var _ = await locks.AcquireAsync(LockScope.Takeaway, session.Id, cancellationToken);
        var draft = await trail.DraftAsync(session, pair, cancellationToken);
        await using var work = await connections.BeginAsync(cancellationToken);
        await trail.OweAsync(work, draft);
        await work.ExecuteAsync("DELETE FROM trail_refreshes_owed WHERE session_id = @Id", new { session.Id });
        await work.CommitAsync(cancellationToken);
    }

    private async Task DeliverLockedAsync(Session session, Pair pair, CancellationToken cancellationToken)
    {
        var pending = (await takeaways.ListForSessionAsync(session.Id, cancellationToken)).Where(t => t is { IsRevealed: true, DeliveredAt: null }).ToList();
        if (pending.Count == 0)
            return;
        var toTrail = pending.Where(t => t.Route == TakeawayRoute.Trail).Select(t => t.Id).ToList();
        if (toTrail.Count > 0)
        {
            // Owed and marked delivered together: the outbox takes it from there, through outages and restarts.
            var draft = await trail.DraftAsync(session, pair, cancellationToken);
            await using var work = await connections.BeginAsync(cancellationToken);
            await trail.OweAsync(work, draft);
            await TakeawayRepository.MarkDeliveredAsync(work, toTrail, time.GetUtcNow());
            await work.CommitAsync(cancellationToken);
        }

        var lang = await languages.ForGuildAsync(session.GuildId, cancellationToken);
        foreach (var takeaway in pending.Where(t => t.Route != TakeawayRoute.Trail))
        {
            if (takeaway.Route == TakeawayRoute.None || await partners.SendAsync(session, pair, takeaway, lang, cancellationToken))
                await takeaways.MarkDeliveredAsync([takeaway.Id], time.GetUtcNow(), cancellationToken);
        }
    }
}
