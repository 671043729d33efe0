using System.Collections.Concurrent;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;

namespace CrossCoaching.Tests.Fakes;

/// <summary>
/// Records every call. Interaction answers succeed by default; any other call fails loudly unless the test arranged
/// it with <see cref="On"/> or a typed <c>OnXxx</c>, so a test never passes through a call it did not expect.
/// </summary>
public sealed partial class FakeDiscordApi : IDiscordApi
{
    private readonly ConcurrentDictionary<string, Func<object?[], object?>> _handlers = new();

    public FakeDiscordApi()
    {
        On(nameof(CreateInteractionResponseAsync), _ => null);
        On(nameof(EditOriginalResponseAsync), _ => new Message(new Snowflake(900), new Snowflake(901)));
        On(nameof(CreateFollowupAsync), _ => new Message(new Snowflake(902), new Snowflake(901)));
        On(nameof(DeleteOriginalResponseAsync), _ => null);
    }

    public ConcurrentQueue<(string Method, object?[] Args)> Calls { get; } = new();

    /// <summary>Arranges a method: the function gets the arguments and returns the result (or throws).</summary>
    public FakeDiscordApi On(string method, Func<object?[], object?> handler)
    {
        _handlers[method] = handler;
        return this;
    }

    private async Task<T> Call<T>(string method, params object?[] args)
    {
        Calls.Enqueue((method, args));
        await Task.Yield();
        if (!_handlers.TryGetValue(method, out var handler))
            throw new InvalidOperationException($"Unexpected Discord call {method}; arrange it with On().");
        return (T)handler(args)!;
    }

    public Task<GatewayInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default) => Call<GatewayInfo>(nameof(GetGatewayBotAsync));

    public Task<ApplicationInfo> GetCurrentApplicationAsync(CancellationToken cancellationToken = default) => Call<ApplicationInfo>(nameof(GetCurrentApplicationAsync));

    public Task<DiscordUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) => Call<DiscordUser>(nameof(GetCurrentUserAsync));

    /// <remarks>A handler that returns null (most tests) answers with no command ids.</remarks>
    public async Task<IReadOnlyList<RegisteredCommand>> BulkOverwriteCommandsAsync(Snowflake applicationId, Snowflake? guildId, IReadOnlyList<CommandDefinition> commands, CancellationToken cancellationToken = default) =>
        await Call<IReadOnlyList<RegisteredCommand>?>(nameof(BulkOverwriteCommandsAsync), applicationId, guildId, commands) ?? [];

    public async Task<IReadOnlyList<RegisteredCommand>> GetCommandsAsync(Snowflake applicationId, Snowflake? guildId, CancellationToken cancellationToken = default) =>
        await Call<IReadOnlyList<RegisteredCommand>?>(nameof(GetCommandsAsync), applicationId, guildId) ?? [];

    public Task CreateInteractionResponseAsync(Snowflake interactionId, string interactionToken, InteractionCallback callback, CancellationToken cancellationToken = default) =>
        Call<object?>(nameof(CreateInteractionResponseAsync), interactionId, interactionToken, callback);

    public Task<Message> EditOriginalResponseAsync(Snowflake applicationId, string interactionToken, MessageSpec message, CancellationToken cancellationToken = default) =>
        Call<Message>(nameof(EditOriginalResponseAsync), applicationId, interactionToken, message);

    public Task DeleteOriginalResponseAsync(Snowflake applicationId, string interactionToken, CancellationToken cancellationToken = default) =>
        Call<object?>(nameof(DeleteOriginalResponseAsync), applicationId, interactionToken);

    public Task<Message> CreateFollowupAsync(Snowflake applicationId, string interactionToken, MessageSpec message, bool ephemeral, CancellationToken cancellationToken = default) =>
        Call<Message>(nameof(CreateFollowupAsync), applicationId, interactionToken, message, ephemeral);

    public Task<Channel> CreateChannelAsync(Snowflake guildId, NewChannel channel, string? auditReason = null, CancellationToken cancellationToken = default) =>
        Call<Channel>(nameof(CreateChannelAsync), guildId, channel, auditReason);

    public Task<IReadOnlyList<Channel>> GetGuildChannelsAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        Call<IReadOnlyList<Channel>>(nameof(GetGuildChannelsAsync), guildId);

    public Task DeleteChannelAsync(Snowflake channelId, string? auditReason = null, CancellationToken cancellationToken = default) =>
        Call<object?>(nameof(DeleteChannelAsync), channelId, auditReason);

    public Task<Channel> CreateDmAsync(Snowflake userId, CancellationToken cancellationToken = default) => Call<Channel>(nameof(CreateDmAsync), userId);

    public Task<Message> CreateMessageAsync(Snowflake channelId, MessageSpec message, CancellationToken cancellationToken = default) =>
        Call<Message>(nameof(CreateMessageAsync), channelId, message);

    /// <summary>Recorded as <see cref="CreateMessageAsync"/> (with the nonce as a third argument): tests look for messages, not routes.</summary>
    public Task<Message> CreateMessageOnceAsync(Snowflake channelId, MessageSpec message, string nonce, CancellationToken cancellationToken = default) =>
        Call<Message>(nameof(CreateMessageAsync), channelId, message, nonce);

    public Task<Message> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessageSpec message, CancellationToken cancellationToken = default) =>
        Call<Message>(nameof(EditMessageAsync), channelId, messageId, message);

    public Task<GuildMember> GetGuildMemberAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default) =>
        Call<GuildMember>(nameof(GetGuildMemberAsync), guildId, userId);
}
