using System.Collections.Concurrent;
using CrossCoaching.Discord;

namespace CrossCoaching.Messaging;

/// <summary>
/// One attempt at one row. Creates carry the row's nonce with <c>enforce_nonce</c>, so an attempt after an unknown
/// outcome (a timeout once Discord had accepted) returns the message already posted; an edit is idempotent by itself,
/// and so is opening a DM channel.
/// </summary>
public sealed class OutboxSender(IDiscordApi api)
{
    /// <summary>DM channels already opened, by user: Discord returns the same one every time but rate-limits opening them.</summary>
    private readonly ConcurrentDictionary<Snowflake, Snowflake> _dms = new();

    public async Task<Message> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var spec = LetterJson.Read(row.Payload);
        switch (row.Target)
        {
            case "dm":
                try
                {
                    return await SendDirectAsync(row.UserId!.Value, spec, row.Nonce, cancellationToken);
                }
                catch (DiscordApiException e) when (e.Code is DiscordErrorCode.CannotSendMessagesToUser && row.FallbackChannelId is { } home)
                {
                    // Only a reminder has a fallback, and it names no one but the member and says nothing private.
                    return await api.CreateMessageOnceAsync(home, LetterJson.Read(row.FallbackPayload!), row.Nonce, cancellationToken);
                }
            case "edit":
                return await api.EditMessageAsync(row.ChannelId!.Value, row.MessageId!.Value, spec, cancellationToken);
            default:
                return await api.CreateMessageOnceAsync(row.ChannelId!.Value, spec, row.Nonce, cancellationToken);
        }
    }

    private async Task<Message> SendDirectAsync(Snowflake user, MessageSpec spec, string nonce, CancellationToken cancellationToken)
    {
        if (_dms.TryGetValue(user, out var known))
        {
            try
            {
                return await api.CreateMessageOnceAsync(known, spec, nonce, cancellationToken);
            }
            catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownChannel)
            {
                _dms.TryRemove(user, out _);
            }
        }

        var dm = await api.CreateDmAsync(user, cancellationToken);
        _dms[user] = dm.Id;
        return await api.CreateMessageOnceAsync(dm.Id, spec, nonce, cancellationToken);
    }
}
