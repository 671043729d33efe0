using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;

namespace CrossCoaching.Sessions;

/// <summary>Skips a session ahead of its slot, from <c>/ritual skip</c> or the reminder's button.</summary>
public sealed class SessionSkipper(SessionRepository sessions, SessionEnder ender, SessionPlanner planner, PairNotices notices, TimeProvider time)
{
    /// <returns>The confirmation for the one who skipped, in <paramref name="lang"/>.</returns>
    public async Task<string> SkipNextAsync(Pair pair, Discord.Snowflake actor, long? sessionId, Localization.Lang lang, CancellationToken cancellationToken)
    {
        // A reminder's button names its session; the command means the next one still ahead, past any session open now.
        var next = sessionId is { } id
            ? await sessions.GetAsync(id, cancellationToken)
            : (await sessions.ListUnfinishedForPairAsync(pair.Id, cancellationToken))
                .FirstOrDefault(s => s is { Kind: SessionKind.Ritual, Status: SessionStatus.Scheduled } && s.SlotAt > time.GetUtcNow())
              ?? await planner.PlanNextAsync(pair.Id, cancellationToken);
        if (next is null || next.PairId != pair.Id || next.IsFinished)
            throw new UserErrorException(SessionTexts.NothingToSkip[lang]);
        if (next.Status == SessionStatus.Open || next.SlotAt <= time.GetUtcNow())
            throw new UserErrorException(SessionTexts.AlreadyStarted[lang]);

        await ender.CancelAsync(next.Id, SessionStatus.Skipped, announced: true, cancellationToken);
        var following = await planner.PlanNextAsync(pair.Id, cancellationToken);
        await notices.TellPartnerAsync(pair, actor, l => SessionTexts.PartnerSkipped.Format(l, Markdown.Name(pair.NameOf(actor)), Timestamps.OrNone(next.SlotAt), Timestamps.OrNone(following?.SlotAt)), cancellationToken);
        return SessionTexts.Skipped.Format(lang, Timestamps.OrNone(next.SlotAt), Timestamps.OrNone(following?.SlotAt));
    }
}
