using CrossCoaching.Discord;
using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Rituals;

/// <summary>Resumes rituals paused until a date once that date has come in the ritual's zone, and tells both partners.</summary>
public sealed class RitualResumer(RitualRepository rituals, PairRepository pairs, RitualChanges changes, PairNotices notices, TimeProvider time, ILogger<RitualResumer> logger)
    : IReconcilable
{
    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        foreach (var ritual in await rituals.ListPausedWithDateAsync(cancellationToken))
        {
            try
            {
                await ResumeIfDueAsync(ritual, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One pair's trouble must not hold back the others; the next pass tries again.
                logger.LogError(e, "Could not resume the ritual of pair {Pair}", ritual.PairId);
            }
        }
    }

    private async Task ResumeIfDueAsync(Ritual ritual, CancellationToken cancellationToken)
    {
        if (!TimeZoneCatalog.TryFind(ritual.Rule.TimeZoneId, out var zone))
            return;
        var today = RitualSchedule.LocalDateAt(time.GetUtcNow(), zone);
        if (ritual.PausedUntil > today || await pairs.GetAsync(ritual.PairId, cancellationToken) is not { Status: PairStatus.Active } pair)
            return;
        await rituals.SaveAsync(ritual with { Paused = false, PausedUntil = null, UpdatedAt = time.GetUtcNow() }, cancellationToken);
        var next = await changes.ReplanAsync(pair, cancellationToken);
        var when = Timestamps.OrNone(next?.SlotAt);
        await notices.TellBothAsync(pair, (lang, to) => RitualTexts.AutoResumed.Format(lang, Markdown.Name(pair.NameOf(pair.PartnerOf(to))), when), cancellationToken);
    }
}
