using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>Sends a session's messages at most once each, whatever runs the step how many times.</summary>
public sealed class SessionNotifier(NoticeRepository notices, PartnerMessenger messenger, IDiscordApi api, TimeProvider time, ILogger<SessionNotifier> logger)
{
    /// <summary>A message to one partner (DM, or a mention when their DMs are closed), once per session and kind.</summary>
    public async Task ToPartnerOnceAsync(Session session, Pair pair, Snowflake user, string kind, MessageSpec message, Lang lang, CancellationToken cancellationToken = default)
    {
        if (!await notices.TryClaimAsync(session.Id, user, kind, time.GetUtcNow(), cancellationToken))
            return;
        try
        {
            var (_, sent) = await messenger.SendAsync(pair, user, message, lang, cancellationToken);
            if (sent is not null)
                await notices.RecordMessageAsync(session.Id, user, kind, sent, cancellationToken);
        }
        catch
        {
            // Discord did not take it (an outage): give the claim back so that a retry of the step sends it.
            await notices.ReleaseAsync(session.Id, user, kind, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Both partners, now (for answers to a button press; steps post to <see cref="SessionOutbox"/> instead).</summary>
    public async Task ToBothOnceAsync(Session session, Pair pair, string kind, Func<Snowflake, MessageSpec> message, Lang lang, CancellationToken cancellationToken = default)
    {
        foreach (var member in pair.Members)
            await ToPartnerOnceAsync(session, pair, member, kind, message(member), lang, cancellationToken);
    }

    /// <summary>A message in the room's text chat, once per session and kind.</summary>
    public async Task InRoomOnceAsync(Session session, Snowflake room, string kind, MessageSpec message, CancellationToken cancellationToken = default)
    {
        if (!await notices.TryClaimAsync(session.Id, NoticeRepository.Room, kind, time.GetUtcNow(), cancellationToken))
            return;
        try
        {
            var sent = await api.CreateMessageAsync(room, message, cancellationToken);
            await notices.RecordMessageAsync(session.Id, NoticeRepository.Room, kind, sent, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Status is >= 400 and < 500)
        {
            // Refused for good (the room is gone, a permission is missing): the session goes on without this message,
            // and the operator learns why the partners never saw it. Ids and Discord's code only, never the text.
            logger.LogWarning("Discord refused the {Kind} message of session {Session} in room {Room}: HTTP {Status}, code {Code}",
                kind, session.Id, room, e.Status, e.Code);
        }
        catch
        {
            await notices.ReleaseAsync(session.Id, NoticeRepository.Room, kind, CancellationToken.None);
            throw;
        }
    }
}
