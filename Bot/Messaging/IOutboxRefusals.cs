using CrossCoaching.Discord;

namespace CrossCoaching.Messaging;

/// <summary>
/// Who hears of a message Discord refused for good. Messaging only knows that it was refused; which refusals matter,
/// and to whom, is the business of the folder that knows the server's managers (GuildSettings).
/// </summary>
public interface IOutboxRefusals
{
    Task TellAsync(OutboxRow row, DiscordApiException refusal, CancellationToken cancellationToken);
}
