using CrossCoaching.Discord;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Takeaways;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Privacy;

/// <summary>What forgetting a member did: the data removed, and the pair it ended (as it was before, real ids included).</summary>
public sealed record ForgetOutcome(ErasedData Erased, Pair? EndedPair);

/// <summary>
/// <c>/me forget</c> once confirmed. The database work comes first and all at once; what involves Discord (trail
/// messages to re-render, the partner to tell) follows, after the member got their answer.
/// </summary>
public sealed class Forgetting(
    PairRepository pairs,
    SessionRepository sessions,
    IPairSessions pairSessions,
    PersonalDataEraser eraser,
    TakeawayReveal reveal,
    Outbox outbox,
    GuildLanguage languages,
    TimeProvider time,
    ILogger<Forgetting> logger)
{
    public async Task<ForgetOutcome> ForgetAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default)
    {
        var current = await pairs.FindCurrentAsync(guildId, userId, cancellationToken);
        if (current is not null)
            await EndPairAsync(current, cancellationToken);
        var erased = await eraser.EraseAsync(guildId, userId, cancellationToken);
        logger.LogInformation("Forgot a member of guild {Guild} at their request ({Pairs} pair(s) anonymised)", guildId, erased.Pairs);
        return new ForgetOutcome(erased, current);
    }

    /// <summary>Re-renders the trail messages that showed the member, and tells the partner whose pair ended.</summary>
    public async Task TellDiscordAsync(ForgetOutcome outcome, Snowflake userId, CancellationToken cancellationToken = default)
    {
        foreach (var sessionId in outcome.Erased.TrailSessions)
        {
            try
            {
                if (await sessions.GetAsync(sessionId, cancellationToken) is { } session && await pairs.GetAsync(session.PairId, cancellationToken) is { } pair)
                    await reveal.RefreshTrailAsync(session, pair, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not remove a forgotten member from the trail message of session {Session}", sessionId);
            }
        }

        if (outcome.EndedPair is not { } ended || !ended.Has(userId))
            return;
        var lang = await languages.ForGuildAsync(ended.GuildId, cancellationToken);
        // By DM only: a partner whose DMs are closed learns it from /pair, never from a public post.
        await outbox.EnqueueAsync(Letter.Dm($"pair:{ended.Id}:forgotten", NoticeKinds.PartnerForgot, ended.PartnerOf(userId),
            MessageSpec.Text(PrivacyTexts.PartnerForgot.Format(lang, Markdown.Name(ended.NameOf(userId))))), cancellationToken);
    }

    /// <summary>As <c>/unpair</c> does: the pair ends, its future sessions are cancelled and an open room is closed.</summary>
    private async Task EndPairAsync(Pair pair, CancellationToken cancellationToken)
    {
        await pairs.EndAsync(pair.Id, "forgotten", time.GetUtcNow(), cancellationToken);
        await pairSessions.EndAllAsync(pair.Id, cancellationToken);
    }
}
