using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Pool;

/// <summary>
/// Both members accepted: in the transaction that records the second acceptance, the pair is formed as an accepted
/// invitation forms one (<see cref="PairFormation"/>), its weekly ritual set on the proposed slot, and both told with
/// the first session's time. A crash leaves either all of it or none of it (the proposal still pending, Accept can be
/// pressed again). Only planning the first session comes after the commit, since it arms the scheduler; a crash there
/// is repaired by the sessions' reconciler, which plans any active ritual without a next session.
/// </summary>
public sealed class PoolPairing(
    PairFormation formation, PoolEntryRepository entries, RitualRepository rituals, RitualChanges changes, Outbox outbox,
    IOptions<SessionOptions> options, TimeProvider time, ILogger<PoolPairing> logger)
{
    /// <summary>Forms the pair in <paramref name="work"/>, before the two members' entries are taken out of the pool.</summary>
    public async Task<PoolFormed> FormAsync(DbWork work, PoolProposal proposal, Lang server)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var (a, b) = (await entries.GetAsync(work, proposal.GuildId, proposal.MemberA), await entries.GetAsync(work, proposal.GuildId, proposal.MemberB));
        // Leaving the pool withdraws a member from their proposal, so both entries are here; should one be missing all
        // the same, there is no name to form the pair with: the proposal closes and whoever is left is told.
        var pair = a is null || b is null ? null
            : await formation.FormAsync(work, proposal.GuildId, (a.UserId, a.DisplayName), (b.UserId, b.DisplayName), a.ChannelId ?? b.ChannelId, server);
        if (pair is null)
        {
            foreach (var e in new[] { a, b }.OfType<PoolEntry>())
                await outbox.EnqueueAsync(work, PoolLetters.Answer(proposal, "failed", e, e.LangOr(server), ProposalTexts.PairFailed[e.LangOr(server)]));
            return new PoolFormed(null, proposal.Slot, a, b);
        }

        var now = time.GetUtcNow();
        var zone = TimeZoneCatalog.TryFind(proposal.TimeZone, out var found) ? found : TimeZoneCatalog.TryFind(b!.TimeZone, out found) ? found : NodaTime.DateTimeZone.Utc;
        var local = NodaTime.Instant.FromDateTimeOffset(proposal.Slot).InZone(zone).LocalDateTime;
        var (day, at) = ((DayOfWeek)((int)local.DayOfWeek % 7), new TimeOnly(local.Hour, local.Minute));
        var o = options.Value;
        var rule = new RitualRule(RitualFrequency.Week, day, at, zone.Id, RitualSchedule.AnchorFor(day, at, zone, now));
        await rituals.SaveAsync(work, new Ritual(pair.Id, rule, o.DefaultDurationMinutes, o.DefaultReminderMinutes, false, null, now, Ritual.ChangedByTheBot));
        // The slot the planner will give the first session: the rule's first occurrence after now (a new pair has none planned).
        var formed = new PoolFormed(pair, RitualSchedule.NextAfter(rule, now) ?? proposal.Slot, a, b);
        await outbox.EnqueueAsync(work, [
            PoolLetters.Answer(proposal, "formed", a!, a!.LangOr(server), formed.Told(a.UserId, a.LangOr(server))),
            PoolLetters.Answer(proposal, "formed", b!, b!.LangOr(server), formed.Told(b.UserId, b.LangOr(server))),
        ]);
        return formed;
    }

    /// <summary>
    /// After the commit: plans and arms the first session. A failure here is logged, not shown to the member who
    /// pressed (their pair stands); the reconciler plans it at its next pass.
    /// </summary>
    public async Task PlanFirstSessionAsync(Pair pair, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pair);
        try
        {
            await changes.ReplanAsync(pair, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not plan the first session of pair {Pair} formed from the pool; the reconciler plans it", pair.Id);
        }
    }
}

/// <summary>What forming a pair from a proposal did; <see cref="Pair"/> is null when it could not be formed.</summary>
public sealed record PoolFormed(Pair? Pair, DateTimeOffset First, PoolEntry? A, PoolEntry? B)
{
    /// <summary>What <paramref name="to"/> is told, in <paramref name="lang"/>: the partner and the first session in their own time.</summary>
    public string Told(Snowflake to, Lang lang)
    {
        if (Pair is null || A is null || B is null)
            return ProposalTexts.PairFailed[lang];
        var (me, other) = to == A.UserId ? (A, B) : (B, A);
        var (d, t, z) = PoolLetters.Slot(First, me.TimeZone, lang);
        return ProposalTexts.Formed.Format(lang, Markdown.Name(other.DisplayName), d, t, z, Timestamps.Of(First, 'F'));
    }
}
