using CrossCoaching.Discord;
using CrossCoaching.Messaging;

namespace CrossCoaching.GuildSettings;

/// <summary>
/// Where a refusal for good matters to someone: a post or edit in a server channel (the welcome or time-box warning in
/// a room, the trail message) that Discord refused for a missing permission. Only the server's managers can fix that,
/// so they are told, through the outbox as every manager notice is. A refused direct message tells no one (closed DMs
/// are the member's choice, and nothing about them is said in public); a refused manager notice tells no one either.
/// </summary>
public sealed class PublicRefusals(IGuildCache cache, ManagerNotices managers) : IOutboxRefusals
{
    public const string Kind = "cannot-post";

    public async Task TellAsync(OutboxRow row, DiscordApiException refusal, CancellationToken cancellationToken)
    {
        if (row.Target == "dm" || row.Kind.StartsWith("managers-", StringComparison.Ordinal) ||
            refusal.Code is not (DiscordErrorCode.MissingAccess or DiscordErrorCode.MissingPermissions) || row.ChannelId is not { } channel)
            return;
        if (cache.Guilds.FirstOrDefault(g => g.Channels.ContainsKey(channel)) is { } guild)
            await managers.TellAsync(guild.Id, Kind, ManagerTexts.CannotPost, [$"<#{channel}>"], cancellationToken);
    }
}
