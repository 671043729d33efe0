using CrossCoaching.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Sessions;

/// <summary>
/// Whether nobody is in a room, as the gateway's voice states show it: the time-box warning is for whoever is in the
/// room, so an empty room is not posted one (a request saved in every session nobody came to). Only "surely empty"
/// counts: with the gateway down or the guild not in the cache, the bot does not know, and posts. On an instance that
/// does not hold the guild's shard, the attendance the shard's instance records answers instead
/// (<see cref="SharedRoomPresence"/>). The gateway's status is looked up when asked: the gateway's own handlers lead
/// (through the commands) back to the sessions.
/// </summary>
public sealed class EmptyRooms(IGuildCache cache, Func<IGatewayStatus> gateway, SharedRoomPresence? elsewhere = null)
{
    public EmptyRooms(IGuildCache cache, IServiceProvider services)
        : this(cache, services.GetRequiredService<IGatewayStatus>, services.GetRequiredService<SharedRoomPresence>())
    {
    }

    public bool IsSurelyEmpty(Snowflake guildId, Snowflake room) =>
        gateway().Shards is { Count: > 0 } shards && shards.All(s => s.Connected) && cache.GetGuild(guildId) is not null &&
        cache.UsersInVoiceChannel(guildId, room).Count == 0;

    /// <summary>The same question about a session's room, on whichever instance the step runs.</summary>
    public async Task<bool> IsSurelyEmptyAsync(Session session, Snowflake room, CancellationToken cancellationToken = default) =>
        cache.GetGuild(session.GuildId) is not null
            ? IsSurelyEmpty(session.GuildId, room)
            : elsewhere is not null && await elsewhere.SurelyEmptyAsync(session.Id, cancellationToken);
}
