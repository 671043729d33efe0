using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Hosting;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Takeaways;

/// <summary>
/// When one partner has shared a takeaway and the other has not, the other gets one reminder before the first one's
/// is revealed alone. Through the outbox, keyed on the session and the partner, so it goes out once however many
/// passes see the same held takeaway.
/// </summary>
public sealed class TakeawayNudges(
    TakeawayRepository takeaways,
    SessionRepository sessions,
    PairRepository pairs,
    Outbox outbox,
    GuildLanguage languages,
    TimeProvider time,
    ILogger<TakeawayNudges> logger) : IReconcilable
{
    public const string Kind = "takeaway-nudge";

    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        foreach (var sessionId in await takeaways.ListSessionsWithHeldAsync(cancellationToken))
        {
            try
            {
                await NudgeAsync(sessionId, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not remind the partner of session {Session} about their takeaway: {Reason}", sessionId, e.Message);
            }
        }
    }

    private async Task NudgeAsync(long sessionId, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(sessionId, cancellationToken) is not { } session || await pairs.GetAsync(session.PairId, cancellationToken) is not { } pair)
            return;
        var deadline = TakeawaySessions.RevealDeadline(session);
        if (time.GetUtcNow() >= deadline)
            return; // revealed alone by now (or on this very pass): too late to ask
        var shared = await takeaways.ListForSessionAsync(session.Id, cancellationToken);
        if (shared.Count != 1 || shared[0] is not { IsRevealed: false, AuthorId: { } author } || !pair.Has(author))
            return;
        var other = pair.PartnerOf(author);
        if (FormerMember.Is(other))
            return;
        var lang = await languages.ForGuildAsync(pair.GuildId, cancellationToken);
        var text = TakeawayTexts.Nudge.Format(lang, Markdown.Name(pair.NameOf(author)), Timestamps.Of(session.SlotAt), Timestamps.Of(deadline, 'R'));
        await outbox.EnqueueAsync(Letter.ToPartner(session, Kind, other, MessageSpec.Text(text)), cancellationToken);
    }
}
