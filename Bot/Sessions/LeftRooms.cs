using CrossCoaching.Discord;
using CrossCoaching.Pairs;

namespace CrossCoaching.Sessions;

/// <summary>
/// Finds a room an earlier try made for a session and never recorded (a crash, or a lost answer, between Discord's
/// answer and the database write): a private voice room of the pair with the session's name that no session records.
/// The cache is looked at first, for free. Discord itself is asked only when <see cref="RoomIntents"/> says a try was
/// cut short and the cache shows nothing: the cache may not hold the guild (right after a restart, or on an instance
/// without the guild's shard) or may not have seen the room yet (its CHANNEL_CREATE late). A failure to ask Discord
/// propagates: the step is tried again later rather than a room made blindly beside one that may exist.
/// </summary>
public sealed class LeftRooms(IDiscordApi api, IGuildCache cache, RoomRepository rooms, RoomIntents intents)
{
    /// <param name="name">The room's name as sent to Discord (already cut to Discord's length).</param>
    public async Task<Channel?> FindAsync(Session session, Pair pair, string name, Snowflake bot, CancellationToken cancellationToken)
    {
        var shown = cache.GetGuild(session.GuildId)?.Channels.Values ?? [];
        if (await UntrackedAsync(Candidates(shown, session, pair, name, bot), session, cancellationToken) is { } seen)
            return seen;
        if (!await intents.WasCutShortAsync(session.Id, cancellationToken))
            return null;
        var held = await api.GetGuildChannelsAsync(session.GuildId, cancellationToken);
        return await UntrackedAsync(Candidates(held, session, pair, name, bot), session, cancellationToken);
    }

    private static List<Channel> Candidates(IEnumerable<Channel> channels, Session session, Pair pair, string name, Snowflake bot) =>
        [.. channels.Where(c => c.Type == ChannelType.GuildVoice && c.Name == name && RoomPermissions.IsPrivate(c, session.GuildId, pair, bot))];

    private async Task<Channel?> UntrackedAsync(List<Channel> candidates, Session session, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
            return null;
        var tracked = (await rooms.ListLiveRoomsAsync(session.GuildId, cancellationToken)).Select(r => r.RoomId).ToHashSet();
        return candidates.Where(c => !tracked.Contains(c.Id)).OrderByDescending(c => c.Id.Value).FirstOrDefault();
    }
}
