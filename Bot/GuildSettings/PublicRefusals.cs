using CrossCoaching.Discord;
using CrossCoaching.Messaging;

namespace CrossCoaching.GuildSettings;

/// <summary>
/// Where a refusal for good matters to someone: a post or edit in a server channel (the welcome or time-box warning in
/// a room, the trail message) that Discord refused for a missing permission. Only the server's managers can fix that,
/// so they are told, through the outbox as every manager notice is. A refused direct message tells no one (closed DMs
/// are the member's choice, and nothing about them is said in public); a refused manager notice tells no one either.
/// The channel's server comes from the gateway cache, or, on an instance that does not hold the server's shard, from
/// the database (the room's session, the server's trail channel).
/// </summary>
public sealed class PublicRefusals(IGuildCache cache, GuildSettingsRepository settings, ManagerNotices managers) : IOutboxRefusals
{
    public const string Kind = "cannot-post";

    public async Task TellAsync(OutboxRow row, DiscordApiException refusal, CancellationToken cancellationToken)
    {
        if (row.Target == "dm" || row.Kind.StartsWith("managers-", StringComparison.Ordinal) ||
            refusal.Code is not (DiscordErrorCode.MissingAccess or DiscordErrorCode.MissingPermissions) || row.ChannelId is not { } channel)
            return;
        var guild = cache.Guilds.FirstOrDefault(g => g.Channels.ContainsKey(channel))?.Id
            ?? await settings.FindGuildOfChannelAsync(channel, cancellationToken);
        if (guild is { } id)
            await managers.TellAsync(id, Kind, ManagerTexts.CannotPost, [$"<#{channel}>"], cancellationToken);
    }
}
