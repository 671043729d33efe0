using System.Collections.Concurrent;
using CrossCoaching.Discord;
using CrossCoaching.Localization;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Pairs;

public enum Delivery
{
    DirectMessage,
    Mention,
    Failed,
}

/// <summary>
/// Reaches a partner outside an interaction: by direct message, or — when their DMs are closed (Discord 50007) — by a
/// message that mentions them in the channel where the pair was formed.
/// </summary>
public sealed class PartnerMessenger(IDiscordApi api, ILogger<PartnerMessenger> logger)
{
    /// <summary>
    /// DM channels already opened, by user: Discord returns the same channel every time but rate-limits opening them,
    /// and a busy slot sends hundreds of messages.
    /// </summary>
    private readonly ConcurrentDictionary<Snowflake, Snowflake> _dms = new();

    public static readonly LocalizedText Fallback = new(
        "{0} {1}\n-# I could not send you a direct message, so I am writing here.",
        "{0} {1}\n-# Je n'ai pas pu vous envoyer de message privé, alors je vous écris ici.");

    public async Task<(Delivery Delivery, Message? Message)> SendAsync(
        Pair pair, Snowflake user, MessageSpec message, Lang lang, CancellationToken cancellationToken = default)
    {
        try
        {
            return (Delivery.DirectMessage, await SendDirectAsync(user, message with { Mentions = AllowedMentions.None }, cancellationToken));
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCode.CannotSendMessagesToUser or DiscordErrorCode.UnknownUser)
        {
            logger.LogInformation("Direct messages to {User} are closed; mentioning them in the pair's channel", user);
        }

        if (pair.HomeChannelId is not { } channel)
            return (Delivery.Failed, null);
        try
        {
            var mention = message with
            {
                Content = Fallback.Format(lang, $"<@{user}>", message.Content),
                Mentions = AllowedMentions.Only(user),
            };
            return (Delivery.Mention, await api.CreateMessageAsync(channel, mention, cancellationToken));
        }
        catch (DiscordApiException e)
        {
            logger.LogWarning("Could not reach {User} in channel {Channel} either: {Reason}", user, channel, e.Message);
            return (Delivery.Failed, null);
        }
    }

    /// <summary>A direct message and nothing else (no public fallback); null when Discord refuses it.</summary>
    public async Task<Message?> TryDirectAsync(Snowflake user, MessageSpec message, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SendDirectAsync(user, message with { Mentions = AllowedMentions.None }, cancellationToken);
        }
        catch (DiscordApiException e)
        {
            logger.LogInformation("Could not send a direct message to {User}: {Reason}", user, e.Message);
            return null;
        }
    }

    private async Task<Message> SendDirectAsync(Snowflake user, MessageSpec message, CancellationToken cancellationToken)
    {
        if (_dms.TryGetValue(user, out var known))
        {
            try
            {
                return await api.CreateMessageAsync(known, message, cancellationToken);
            }
            catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownChannel)
            {
                _dms.TryRemove(user, out _);
            }
        }

        var dm = await api.CreateDmAsync(user, cancellationToken);
        _dms[user] = dm.Id;
        return await api.CreateMessageAsync(dm.Id, message, cancellationToken);
    }
}
