using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;

namespace CrossCoaching.Tests.Discord.Rest.Support;

/// <summary>
/// Forwards to the client under test, failing a call that has not finished within a few real seconds. A client stuck
/// on the fake clock (a wait nobody advances through) then fails its test instead of hanging the run.
/// </summary>
internal sealed class TimeBoxedApi(IDiscordApi inner) : IDiscordApi
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public Task<GatewayInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        inner.GetGatewayBotAsync(cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task<ApplicationInfo> GetCurrentApplicationAsync(CancellationToken cancellationToken = default) =>
        inner.GetCurrentApplicationAsync(cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task<DiscordUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        inner.GetCurrentUserAsync(cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task<IReadOnlyList<RegisteredCommand>> BulkOverwriteCommandsAsync(Snowflake applicationId, Snowflake? guildId, IReadOnlyList<CommandDefinition> commands, CancellationToken cancellationToken = default) =>
        inner.BulkOverwriteCommandsAsync(applicationId, guildId, commands, cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task<IReadOnlyList<RegisteredCommand>> GetCommandsAsync(Snowflake applicationId, Snowflake? guildId, CancellationToken cancellationToken = default) =>
        inner.GetCommandsAsync(applicationId, guildId, cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task CreateInteractionResponseAsync(Snowflake interactionId, string interactionToken, InteractionCallback callback, CancellationToken cancellationToken = default) =>
        inner.CreateInteractionResponseAsync(interactionId, interactionToken, callback, cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task<Message> EditOriginalResponseAsync(Snowflake applicationId, string interactionToken, MessageSpec message, CancellationToken cancellationToken = default) =>
        inner.EditOriginalResponseAsync(applicationId, interactionToken, message, cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task DeleteOriginalResponseAsync(Snowflake applicationId, string interactionToken, CancellationToken cancellationToken = default) =>
        inner.DeleteOriginalResponseAsync(applicationId, interactionToken, cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task<Message> CreateFollowupAsync(Snowflake applicationId, string interactionToken, MessageSpec message, bool ephemeral, CancellationToken cancellationToken = default) =>
        inner.CreateFollowupAsync(applicationId, interactionToken, message, ephemeral, cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task<Channel> CreateChannelAsync(Snowflake guildId, NewChannel channel, string? auditReason = null, CancellationToken cancellationToken = default) =>
        inner.CreateChannelAsync(guildId, channel, auditReason, cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task<IReadOnlyList<Channel>> GetGuildChannelsAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        inner.GetGuildChannelsAsync(guildId, cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task DeleteChannelAsync(Snowflake channelId, string? auditReason = null, CancellationToken cancellationToken = default) =>
        inner.DeleteChannelAsync(channelId, auditReason, cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task<Channel> CreateDmAsync(Snowflake userId, CancellationToken cancellationToken = default) =>
        inner.CreateDmAsync(userId, cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task<Message> CreateMessageAsync(Snowflake channelId, MessageSpec message, CancellationToken cancellationToken = default) =>
        inner.CreateMessageAsync(channelId, message, cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task<Message> CreateMessageOnceAsync(Snowflake channelId, MessageSpec message, string nonce, CancellationToken cancellationToken = default) =>
        inner.CreateMessageOnceAsync(channelId, message, nonce, cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task<Message> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessageSpec message, CancellationToken cancellationToken = default) =>
        inner.EditMessageAsync(channelId, messageId, message, cancellationToken).WaitAsync(Limit, CancellationToken.None);

    public Task<GuildMember> GetGuildMemberAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default) =>
        inner.GetGuildMemberAsync(guildId, userId, cancellationToken).WaitAsync(Limit, CancellationToken.None);
}
