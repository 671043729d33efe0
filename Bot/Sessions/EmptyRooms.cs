using CrossCoaching.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Sessions;

/// <summary>
/// Whether nobody is in a room, as the gateway's voice states show it: the time-box warning is for whoever is in the
/// room, so an empty room is not posted one (a request saved in every session nobody came to). Only "surely empty"
/// counts: with the gateway down or the guild not in the cache, the bot does not know, and posts. The gateway's status
/// is looked up when asked: the gateway's own handlers lead (through the commands) back to the sessions.
/// </summary>
public sealed class EmptyRooms(IGuildCache cache, Func<IGatewayStatus> gateway)
{
    public EmptyRooms(IGuildCache cache, IServiceProvider services)
        : this(cache, services.GetRequiredService<IGatewayStatus>)
    {
    }

    public bool IsSurelyEmpty(Snowflake guildId, Snowflake room) =>
        gateway().Shards is { Count: > 0 } shards && shards.All(s => s.Connected) && cache.GetGuild(guildId) is not null &&
        cache.UsersInVoiceChannel(guildId, room).Count == 0;
}
