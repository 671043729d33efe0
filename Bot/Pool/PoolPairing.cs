using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Pool;

/// <summary>
/// Both members accepted: the pair is formed as an accepted invitation forms one (<see cref="PairFormation"/>), its
/// ritual set on the proposed slot and planned as <c>/ritual set</c> plans it (<see cref="RitualChanges"/>), both told.
/// </summary>
public sealed class PoolPairing(
    PairFormation formation, RitualRepository rituals, RitualChanges changes, Outbox outbox, IOptions<SessionOptions> options, TimeProvider time)
{
    /// <returns>What to tell <paramref name="presser"/> (who accepted last), in <paramref name="lang"/>.</returns>
    public async Task<string> FormAsync(
        PoolProposal proposal, PoolEntry a, PoolEntry b, Snowflake presser, Lang server, Lang lang, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var pair = await formation.FormAsync(proposal.GuildId, (a.UserId, a.DisplayName), (b.UserId, b.DisplayName), a.ChannelId ?? b.ChannelId, server, cancellationToken);
        if (pair is null)
        {
            await outbox.EnqueueAsync([.. new[] { a, b }.Select(e => PoolLetters.Answer(proposal, "failed", e, e.LangOr(server), ProposalTexts.PairFailed[e.LangOr(server)]))],
                cancellationToken);
            return ProposalTexts.PairFailed[lang];
        }

        var now = time.GetUtcNow();
        var zone = TimeZoneCatalog.TryFind(proposal.TimeZone, out var found) ? found : TimeZoneCatalog.TryFind(b.TimeZone, out found) ? found : NodaTime.DateTimeZone.Utc;
        var local = NodaTime.Instant.FromDateTimeOffset(proposal.Slot).InZone(zone).LocalDateTime;
        var (day, at) = ((DayOfWeek)((int)local.DayOfWeek % 7), new TimeOnly(local.Hour, local.Minute));
        var o = options.Value;
        var rule = new RitualRule(RitualFrequency.Week, day, at, zone.Id, RitualSchedule.AnchorFor(day, at, zone, now));
        await rituals.SaveAsync(new Ritual(pair.Id, rule, o.DefaultDurationMinutes, o.DefaultReminderMinutes, false, null, now, Ritual.ChangedByTheBot), cancellationToken);
        var first = (await changes.ReplanAsync(pair, cancellationToken))?.SlotAt ?? RitualSchedule.NextAfter(rule, now) ?? proposal.Slot;

        string Told(PoolEntry to, PoolEntry other, Lang l)
        {
            var (d, t, z) = PoolLetters.Slot(first, to.TimeZone, l);
            return ProposalTexts.Formed.Format(l, Markdown.Name(other.DisplayName), d, t, z, Timestamps.Of(first, 'F'));
        }

        await outbox.EnqueueAsync(
            [PoolLetters.Answer(proposal, "formed", a, a.LangOr(server), Told(a, b, a.LangOr(server))), PoolLetters.Answer(proposal, "formed", b, b.LangOr(server), Told(b, a, b.LangOr(server)))],
            cancellationToken);
        return presser == a.UserId ? Told(a, b, lang) : Told(b, a, lang);
    }
}
