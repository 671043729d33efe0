using CrossCoaching.Discord;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Storage;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Takeaways;

/// <summary>
/// Owes a session's trail message once, and its edits when its content changes (a late takeaway, a member forgotten),
/// through the outbox and in the caller's transaction. The outbox posts it with a nonce and records its id; an edit
/// owed before the post went out waits for it, and a newer edit replaces an older one.
/// </summary>
public sealed class TrailPoster(
    TakeawayRepository takeaways,
    TakeawaySessions history,
    GuildSettingsRepository settings,
    GuildLanguage languages,
    Outbox outbox,
    TimeProvider time,
    ILogger<TrailPoster> logger)
{
    public const string PostKind = "trail";
    public const string EditKind = "trail-edit";

    /// <summary>Renders the session's revealed public takeaways, before the transaction that owes them begins.</summary>
    public async Task<TrailDraft> DraftAsync(Session session, Pair pair, CancellationToken cancellationToken = default)
    {
        var lang = await languages.ForGuildAsync(session.GuildId, cancellationToken);
        var shown = (await takeaways.ListForSessionAsync(session.Id, cancellationToken))
            .Where(t => t is { IsRevealed: true, Route: TakeawayRoute.Trail }).ToList();
        var message = TrailMessage.Render(session, pair, await history.NumberAsync(session, cancellationToken), shown, lang);
        var channel = (await settings.GetAsync(session.GuildId, cancellationToken)).TrailChannelId;
        return new TrailDraft(session, message, PostIfMissing: shown.Count > 0, channel);
    }

    /// <summary>Brings the trail message in line with the draft: a post if none is owed yet, else an edit of it.</summary>
    public async Task OweAsync(DbWork work, TrailDraft draft)
    {
        var session = draft.Session;
        var key = TrailPostRepository.PostKey(session.Id);
        if (await TrailPostRepository.GetAsync(work, session.Id) is { } post)
        {
            var known = post.IsPosting ? (Snowflake?)null : post.MessageId;
            await outbox.EnqueueAsync(work, Letter.EditOf(key, EditKind, post.ChannelId, known, draft.Message));
            return;
        }

        if (!draft.PostIfMissing)
            return;
        if (draft.Channel is not { } channel)
        {
            logger.LogInformation("The trail channel was removed before the takeaways of session {Session} could be posted", session.Id);
            return;
        }

        await TrailPostRepository.OweAsync(work, session.Id, channel, time.GetUtcNow());
        await outbox.EnqueueAsync(work, Letter.InChannel(key, PostKind, channel, draft.Message));
    }
}

/// <summary>A session's trail message as it should read now, and where a first post would go.</summary>
public sealed record TrailDraft(Session Session, MessageSpec Message, bool PostIfMissing, Snowflake? Channel);
