namespace CrossCoaching.Discord;

/// <summary>A guild as the gateway last described it. Immutable: the cache swaps in a new one on each change.</summary>
public sealed record CachedGuild(
    Snowflake Id,
    string Name,
    Snowflake OwnerId,
    string PreferredLocale,
    IReadOnlyDictionary<Snowflake, Role> Roles,
    IReadOnlyDictionary<Snowflake, Channel> Channels,
    IReadOnlyList<Snowflake> BotRoleIds,
    IReadOnlyDictionary<Snowflake, Snowflake> VoiceChannelByUser)
{
    /// <summary>Where Discord posts the server's system messages, if the server has one.</summary>
    public Snowflake? SystemChannelId { get; init; }
}

/// <summary>
/// The small in-memory view of Discord the gateway keeps: the bot's user, guilds with roles and channels, the bot's
/// roles, and who is in which voice channel.
/// </summary>
public interface IGuildCache
{
    DiscordUser? CurrentUser { get; }

    Snowflake? ApplicationId { get; }

    CachedGuild? GetGuild(Snowflake guildId);

    IReadOnlyCollection<CachedGuild> Guilds { get; }

    /// <summary>
    /// The bot's permissions in the guild, or in one channel of it (overwrites applied), by Discord's algorithm; null
    /// when the cache cannot tell (the guild, the bot or the channel not known yet). Unknown is never "no permissions".
    /// </summary>
    Permissions? BotPermissions(Snowflake guildId, Snowflake? channelId = null);

    IReadOnlyList<Snowflake> UsersInVoiceChannel(Snowflake guildId, Snowflake channelId);
}
