using System.Collections.Concurrent;
using CrossCoaching.Discord;

namespace CrossCoaching.Messaging;

/// <summary>
/// One attempt at one row. Creates carry the row's nonce with <c>enforce_nonce</c>, so an attempt after an unknown
/// outcome (a timeout once Discord had accepted) returns the message already posted; an edit is idempotent by itself,
/// and so is opening a DM channel. A DM channel opened once is remembered (<see cref="DmChannels"/>, durably when given).
/// </summary>
public sealed class OutboxSender(IDiscordApi api, DmChannels? dmChannels = null)
{
    /// <summary>DM channels already opened, by user, when no durable store is given (tests of the sender alone).</summary>
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
        if (await KnownAsync(user, cancellationToken) is { } known)
        {
            try
            {
                return await api.CreateMessageOnceAsync(known, spec, nonce, cancellationToken);
            }
            catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownChannel)
            {
                _dms.TryRemove(user, out _);
                if (dmChannels is not null)
                    await dmChannels.ForgetAsync(user, cancellationToken);
            }
        }

        var dm = await api.CreateDmAsync(user, cancellationToken);
        _dms[user] = dm.Id;
        if (dmChannels is not null)
            await dmChannels.RememberAsync(user, dm.Id, cancellationToken);
        return await api.CreateMessageOnceAsync(dm.Id, spec, nonce, cancellationToken);
    }

    private async Task<Snowflake?> KnownAsync(Snowflake user, CancellationToken cancellationToken) =>
        _dms.TryGetValue(user, out var known) ? known : dmChannels is null ? null : await dmChannels.FindAsync(user, cancellationToken);
}
