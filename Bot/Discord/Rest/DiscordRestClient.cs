using CrossCoaching.Discord.Interactions;
using CrossCoaching.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// <see cref="IDiscordApi"/> over Discord's HTTP API v10. Each method names its route, builds the body and maps the
/// answer; rate limits, retries and error decoding are <see cref="RestRequestExecutor"/>'s.
/// </summary>
internal sealed partial class DiscordRestClient(RestRequestExecutor executor) : IDiscordApi, IDisposable
{
    private static readonly RestJsonContext Json = RestJsonContext.Default;

    /// <summary>The transport when this client made its own (<see cref="Create"/>); under DI the container owns it.</summary>
    private RestHttpTransport? _ownTransport;

    /// <summary>
    /// A client outside dependency injection (tests, the emulator's checks). <paramref name="handler"/> replaces the
    /// network; without it the client talks to <see cref="DiscordOptions.ApiBaseUrl"/>. Dispose it to close it.
    /// </summary>
    public static DiscordRestClient Create(
        DiscordOptions options, TimeProvider time, HttpMessageHandler? handler = null, ILoggerFactory? loggers = null, DiscordMetrics? metrics = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        var transport = handler is null ? new RestHttpTransport(Options.Create(options)) : new RestHttpTransport(options, handler);
        var limiter = new RestRateLimiter(new RateLimitBuckets(time), new GlobalRateLimiter(time), time, loggers.CreateLogger<RestRateLimiter>(), metrics);
        var executor = new RestRequestExecutor(transport, limiter, new TokenRejection(), time, loggers.CreateLogger<RestRequestExecutor>());
        return new DiscordRestClient(executor) { _ownTransport = transport };
    }

    public void Dispose() => _ownTransport?.Dispose();

    public async Task<GatewayInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        (await executor.SendAsync(new RestRequest(RestRoutes.GatewayBot()), Json.RestGatewayBot, cancellationToken)).ToModel();

    public async Task<ApplicationInfo> GetCurrentApplicationAsync(CancellationToken cancellationToken = default) =>
        (await executor.SendAsync(new RestRequest(RestRoutes.CurrentApplication()), Json.RestApplication, cancellationToken)).ToModel();

    public async Task<DiscordUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        (await executor.SendAsync(new RestRequest(RestRoutes.CurrentUser()), Json.RestUser, cancellationToken)).ToModel();

    public async Task<IReadOnlyList<RegisteredCommand>> BulkOverwriteCommandsAsync(
        Snowflake applicationId, Snowflake? guildId, IReadOnlyList<CommandDefinition> commands, CancellationToken cancellationToken = default)
    {
        var body = RestContent.For(CommandJson.Serialize(commands));
        var registered = await executor.SendAsync(
            new RestRequest(RestRoutes.BulkOverwriteCommands(applicationId, guildId), body), Json.IReadOnlyListRestRegisteredCommand, cancellationToken);
        return [.. registered.Select(c => new RegisteredCommand(c.Id, c.Name))];
    }

    public async Task<IReadOnlyList<RegisteredCommand>> GetCommandsAsync(Snowflake applicationId, Snowflake? guildId, CancellationToken cancellationToken = default)
    {
        var held = await executor.SendAsync(new RestRequest(RestRoutes.Commands(applicationId, guildId)), Json.IReadOnlyListRestRegisteredCommand, cancellationToken);
        return [.. held.Select(c => new RegisteredCommand(c.Id, c.Name))];
    }

    public async Task<Channel> CreateChannelAsync(
        Snowflake guildId, NewChannel channel, string? auditReason = null, CancellationToken cancellationToken = default)
    {
        var wire = new RestCreateChannel(
            channel.Name,
            channel.Type,
            channel.ParentId,
            channel.UserLimit,
            channel.Overwrites is { } overwrites ? [.. overwrites.Select(o => o.ToWire())] : null);
        var request = new RestRequest(RestRoutes.CreateChannel(guildId, channel.Type), RestContent.For(wire, Json.RestCreateChannel), auditReason);
        return (await executor.SendAsync(request, Json.RestChannel, cancellationToken)).ToModel();
    }

    public async Task DeleteChannelAsync(Snowflake channelId, string? auditReason = null, CancellationToken cancellationToken = default) =>
        await executor.SendAsync(new RestRequest(RestRoutes.DeleteChannel(channelId), AuditReason: auditReason), cancellationToken);

    public async Task<Channel> CreateDmAsync(Snowflake userId, CancellationToken cancellationToken = default)
    {
        var request = new RestRequest(RestRoutes.CreateDm(), RestContent.For(new RestCreateDm(userId), Json.RestCreateDm));
        return (await executor.SendAsync(request, Json.RestChannel, cancellationToken)).ToModel();
    }

    public Task<Message> CreateMessageAsync(Snowflake channelId, MessageSpec message, CancellationToken cancellationToken = default) =>
        SendMessageAsync(RestRoutes.CreateMessage(channelId), message, MessageJson.ToWire(message), cancellationToken);

    public Task<Message> CreateMessageOnceAsync(Snowflake channelId, MessageSpec message, string nonce, CancellationToken cancellationToken = default) =>
        SendMessageAsync(RestRoutes.CreateMessage(channelId), message, MessageJson.ToWire(message) with { Nonce = nonce, EnforceNonce = true }, cancellationToken);

    public Task<Message> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessageSpec message, CancellationToken cancellationToken = default) =>
        SendMessageAsync(RestRoutes.EditMessage(channelId, messageId), message, MessageJson.ToWire(message, edit: true), cancellationToken);

    public async Task<IReadOnlyList<Channel>> GetGuildChannelsAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        [.. (await executor.SendAsync(new RestRequest(RestRoutes.GuildChannels(guildId)), Json.IReadOnlyListRestChannel, cancellationToken)).Select(c => c.ToModel())];

    public async Task<GuildMember> GetGuildMemberAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default) =>
        (await executor.SendAsync(new RestRequest(RestRoutes.GetGuildMember(guildId, userId)), Json.RestGuildMember, cancellationToken)).ToModel();

    private async Task<Message> SendMessageAsync(RestRoute route, MessageSpec message, RestMessageBody body, CancellationToken cancellationToken)
    {
        var request = new RestRequest(route, RestContent.For(body, Json.RestMessageBody, message.Files));
        return (await executor.SendAsync(request, Json.RestMessage, cancellationToken)).ToModel();
    }
}
