namespace CrossCoaching.Discord;

/// <summary>Gateway events the features react to, already parsed. Delivered in order by one background loop.</summary>
public abstract record DiscordEvent;

/// <summary>The gateway session is ready (after IDENTIFY; a RESUME does not raise it again).</summary>
public sealed record BotReady(DiscordUser Bot, Snowflake ApplicationId) : DiscordEvent;

/// <summary>A guild's state arrived (GUILD_CREATE): at start, after an outage, or on joining it.</summary>
public sealed record GuildAvailable(Snowflake GuildId, IReadOnlyList<VoiceState> VoiceStates) : DiscordEvent;

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
