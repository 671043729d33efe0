using CrossCoaching.Discord.Interactions;

namespace CrossCoaching.Discord;

/// <summary>
/// The REST calls the bot makes, shaped by our use. Rate limits, retries of 5xx and timeouts, and error decoding happen
/// behind it; a refusal surfaces as <see cref="DiscordApiException"/>.
/// </summary>
public interface IDiscordApi
{
    Task<GatewayInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default);

    Task<ApplicationInfo> GetCurrentApplicationAsync(CancellationToken cancellationToken = default);

    Task<DiscordUser> GetCurrentUserAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the whole command set, of one guild when <paramref name="guildId"/> is given, else global.</summary>
    /// <returns>The commands as Discord now holds them, with their ids.</returns>
    Task<IReadOnlyList<RegisteredCommand>> BulkOverwriteCommandsAsync(Snowflake applicationId, Snowflake? guildId, IReadOnlyList<CommandDefinition> commands, CancellationToken cancellationToken = default);

    /// <summary>The commands Discord holds for the application, of one guild when <paramref name="guildId"/> is given, else global.</summary>
    Task<IReadOnlyList<RegisteredCommand>> GetCommandsAsync(Snowflake applicationId, Snowflake? guildId, CancellationToken cancellationToken = default);

    /// <summary>The initial answer to an interaction; outside the global rate limit.</summary>
    Task CreateInteractionResponseAsync(Snowflake interactionId, string interactionToken, InteractionCallback callback, CancellationToken cancellationToken = default);

    Task<Message> EditOriginalResponseAsync(Snowflake applicationId, string interactionToken, MessageSpec message, CancellationToken cancellationToken = default);

    Task DeleteOriginalResponseAsync(Snowflake applicationId, string interactionToken, CancellationToken cancellationToken = default);

    Task<Message> CreateFollowupAsync(Snowflake applicationId, string interactionToken, MessageSpec message, bool ephemeral, CancellationToken cancellationToken = default);

    Task<Channel> CreateChannelAsync(Snowflake guildId, NewChannel channel, string? auditReason = null, CancellationToken cancellationToken = default);

    /// <summary>The guild's channels as Discord holds them now, whatever the gateway has said so far (threads excluded).</summary>
    Task<IReadOnlyList<Channel>> GetGuildChannelsAsync(Snowflake guildId, CancellationToken cancellationToken = default);

    Task DeleteChannelAsync(Snowflake channelId, string? auditReason = null, CancellationToken cancellationToken = default);

    /// <summary>Opens (or finds) the DM channel with a user.</summary>
    Task<Channel> CreateDmAsync(Snowflake userId, CancellationToken cancellationToken = default);

    Task<Message> CreateMessageAsync(Snowflake channelId, MessageSpec message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a message with a <paramref name="nonce"/> and <c>enforce_nonce</c>: sent again with the same nonce (a retry
    /// after a timeout), Discord returns the message it already created instead of posting a second one
    /// (https://discord.com/developers/docs/resources/message#create-message).
    /// </summary>
    Task<Message> CreateMessageOnceAsync(Snowflake channelId, MessageSpec message, string nonce, CancellationToken cancellationToken = default);

    Task<Message> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessageSpec message, CancellationToken cancellationToken = default);

    Task<GuildMember> GetGuildMemberAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default);
}
