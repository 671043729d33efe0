using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Takeaways;

/// <summary>
/// Posts a session's trail message once, and edits it when its content changes (a late takeaway, a member forgotten).
/// Callers hold the session's reveal lock; the claim in <c>trail_posts</c> keeps the "once" true even without it.
/// </summary>
public sealed class TrailPoster(
    TakeawayRepository takeaways,
    TrailPostRepository posts,
    TakeawaySessions history,
    GuildSettingsRepository settings,
    GuildLanguage languages,
    IDiscordApi api,
    TimeProvider time,
    ILogger<TrailPoster> logger)
{
    /// <summary>Brings the trail message in line with the session's revealed public takeaways.</summary>
    /// <returns>False when Discord could not be reached and a later attempt should try again.</returns>
    public async Task<bool> PublishAsync(Session session, Pair pair, CancellationToken cancellationToken = default)
    {
        var lang = await languages.ForGuildAsync(session.GuildId, cancellationToken);
        var shown = (await takeaways.ListForSessionAsync(session.Id, cancellationToken))
            .Where(t => t is { IsRevealed: true, Route: TakeawayRoute.Trail }).ToList();
        var message = TrailMessage.Render(session, pair, await history.NumberAsync(session, cancellationToken), shown, lang);
        try
        {
            return await PostOrEditAsync(session, message, postIfMissing: shown.Count > 0, cancellationToken);
        }
        catch (DiscordException e)
        {
            if (e.IsFinal)
            {
                // The channel is gone or the bot may not write there: the takeaways stay readable with /takeaways.
                logger.LogWarning("Discord refused the trail message of session {Session}: {Reason}", session.Id, e.Message);
                return true;
            }

            logger.LogWarning("Could not post the trail message of session {Session} yet: {Reason}", session.Id, e.Message);
            return false;
        }
    }

    private async Task<bool> PostOrEditAsync(Session session, MessageSpec message, bool postIfMissing, CancellationToken cancellationToken)
    {
        switch (await posts.GetAsync(session.Id, cancellationToken))
        {
            case { IsPosting: false } post:
                await api.EditMessageAsync(post.ChannelId, post.MessageId, message, cancellationToken);
                return true;
            case not null:
                // A post that started and never reported back (a crash, an answer lost on the way): it may be in the
                // channel already, and a second message would be worse than a missing edit.
                logger.LogWarning("The trail message of session {Session} may exist already; it is not posted again", session.Id);
                return true;
        }

        if (!postIfMissing)
            return true;
        if ((await settings.GetAsync(session.GuildId, cancellationToken)).TrailChannelId is not { } channel)
        {
            logger.LogInformation("The trail channel was removed before the takeaways of session {Session} could be posted", session.Id);
            return true;
        }

        if (!await posts.TryClaimAsync(session.Id, channel, time.GetUtcNow(), cancellationToken))
            return false;
        try
        {
            var sent = await api.CreateMessageAsync(channel, message, cancellationToken);
            await posts.RecordAsync(session.Id, sent.Id, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not DiscordUnavailableException { MayHaveBeenProcessed: true })
        {
            // Discord did not take it: give the claim back so that a retry may post it.
            await posts.ReleaseAsync(session.Id, CancellationToken.None);
            throw;
        }
    }
}
