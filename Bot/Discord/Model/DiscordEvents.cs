namespace CrossCoaching.Discord;

/// <summary>Gateway events the features react to, already parsed. Delivered in order by one background loop.</summary>
public abstract record DiscordEvent;

/// <summary>The gateway session is ready (after IDENTIFY; a RESUME does not raise it again).</summary>
public sealed record BotReady(DiscordUser Bot, Snowflake ApplicationId) : DiscordEvent;

/// <summary>
/// The guilds a new gateway session lists in READY: every guild of its shard, each unavailable until its GUILD_CREATE.
/// A guild the bot holds data for that a covering shard does not list was left while the bot was away.
/// </summary>
public sealed record GuildsListed(IReadOnlySet<Snowflake> GuildIds, int? ShardId, int? ShardCount) : DiscordEvent
{
    /// <summary>Whether this session speaks for the guild (Discord's routing rule: <c>(guild_id &gt;&gt; 22) % count</c>).</summary>
    public bool Covers(Snowflake guildId) =>
        ShardId is not { } id || ShardCount is not { } count || (int)((guildId.Value >> 22) % (ulong)count) == id;
}

/// <summary>
/// A guild's state arrived (GUILD_CREATE): at start, after an outage, or on joining it. <paramref name="Joined"/> is
/// the last: a guild that READY did not list and that was not out in an outage, so the bot was just added to it
/// (https://discord.com/developers/docs/events/gateway-events#guild-create). A guild added while the bot was not
/// connected is listed by the next READY and so does not count as joined.
/// </summary>
public sealed record GuildAvailable(Snowflake GuildId, IReadOnlyList<VoiceState> VoiceStates, bool Joined = false) : DiscordEvent;

/// <summary>
/// The last guild READY listed has arrived: <paramref name="ReadyTimestamp"/> is READY's <see cref="System.Diagnostics.Stopwatch"/>
/// timestamp, so the pump can say how long the start took once the features have handled every guild before it;
/// <paramref name="Cached"/> is when the last one was in the cache (received and parsed).
/// </summary>
public sealed record GuildsLoaded(int Count, long ReadyTimestamp, TimeSpan Cached) : DiscordEvent;

/// <summary>The bot left or was removed from a guild, or the guild is in an outage (<paramref name="Unavailable"/>).</summary>
public sealed record GuildRemoved(Snowflake GuildId, bool Unavailable) : DiscordEvent;

public sealed record ChannelDeleted(Channel Channel) : DiscordEvent;

/// <summary>A member joined, left or moved between voice channels (VOICE_STATE_UPDATE).</summary>
public sealed record VoiceStateChanged(Snowflake GuildId, Snowflake UserId, Snowflake? ChannelId, Snowflake? PreviousChannelId) : DiscordEvent;

public sealed record VoiceState(Snowflake UserId, Snowflake ChannelId);

/// <summary>A feature's reaction to gateway events. Exceptions are logged and do not stop the delivery of later events.</summary>
public interface IDiscordEventHandler
{
    Task HandleAsync(DiscordEvent discordEvent, CancellationToken cancellationToken = default);
}
