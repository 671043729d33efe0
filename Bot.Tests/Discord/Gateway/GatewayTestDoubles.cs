using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using DiscordChannel = CrossCoaching.Discord.Channel;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Gateway;
using CrossCoaching.Discord.Interactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Tests.Discord.Gateway;

/// <summary>Only <c>GET /gateway/bot</c> matters to the gateway; any other call is a test failure.</summary>
internal sealed class FakeGatewayApi(Uri gatewayUrl) : IDiscordApi
{
    private int _calls;

    public int GatewayCalls => Volatile.Read(ref _calls);

    /// <summary>What GET /gateway/bot answers; null: the URL with a comfortable IDENTIFY budget.</summary>
    public GatewayInfo? Info { get; set; }

    /// <summary>Failures to throw, one per call, before answering.</summary>
    public Queue<Exception> Failures { get; } = new();

    public Task<GatewayInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        lock (Failures)
        {
            if (Failures.TryDequeue(out var failure))
                return Task.FromException<GatewayInfo>(failure);
        }

        return Task.FromResult(Info ?? new GatewayInfo(gatewayUrl, 1, 999, TimeSpan.FromHours(4), 1));
    }

    public Task<ApplicationInfo> GetCurrentApplicationAsync(CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<DiscordUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<IReadOnlyList<RegisteredCommand>> BulkOverwriteCommandsAsync(Snowflake applicationId, Snowflake? guildId, IReadOnlyList<CommandDefinition> commands, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<IReadOnlyList<RegisteredCommand>> GetCommandsAsync(Snowflake applicationId, Snowflake? guildId, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task CreateInteractionResponseAsync(Snowflake interactionId, string interactionToken, InteractionCallback callback, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<Message> EditOriginalResponseAsync(Snowflake applicationId, string interactionToken, MessageSpec message, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task DeleteOriginalResponseAsync(Snowflake applicationId, string interactionToken, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<Message> CreateFollowupAsync(Snowflake applicationId, string interactionToken, MessageSpec message, bool ephemeral, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<DiscordChannel> CreateChannelAsync(Snowflake guildId, NewChannel channel, string? auditReason = null, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<IReadOnlyList<DiscordChannel>> GetGuildChannelsAsync(Snowflake guildId, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task DeleteChannelAsync(Snowflake channelId, string? auditReason = null, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<DiscordChannel> CreateDmAsync(Snowflake userId, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<Message> CreateMessageAsync(Snowflake channelId, MessageSpec message, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<Message> CreateMessageOnceAsync(Snowflake channelId, MessageSpec message, string nonce, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<Message> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessageSpec message, CancellationToken cancellationToken = default) => throw Unexpected();
    public Task<GuildMember> GetGuildMemberAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default) => throw Unexpected();

    private static NotSupportedException Unexpected() => new("The gateway must not call this REST route.");
}

/// <summary>Randomness pinned to one value in [0, 1).</summary>
internal sealed class FixedJitter(double value) : IGatewayJitter
{
    public double Value { get; set; } = value;

    public double Next() => Value;
}

internal sealed class FakeLifetime : IHostApplicationLifetime
{
    private int _stops;

    public int StopCalls => Volatile.Read(ref _stops);

    public CancellationToken ApplicationStarted => CancellationToken.None;
    public CancellationToken ApplicationStopping => CancellationToken.None;
    public CancellationToken ApplicationStopped => CancellationToken.None;

    public void StopApplication() => Interlocked.Increment(ref _stops);
}

/// <summary>Records the dispatches it is given, in order, and lets a test wait for one.</summary>
internal sealed class RecordingDispatchHandler : IGatewayDispatchHandler
{
    private readonly Channel<(string Name, JsonElement Data)> _seen = System.Threading.Channels.Channel.CreateUnbounded<(string, JsonElement)>();

    public List<string> Names { get; } = [];

    public ValueTask OnDispatchAsync(string eventName, JsonElement data, CancellationToken cancellationToken = default)
    {
        lock (Names)
            Names.Add(eventName);
        _seen.Writer.TryWrite((eventName, data.Clone()));
        return ValueTask.CompletedTask;
    }

    public async Task<JsonElement> WaitForAsync(string eventName)
    {
        using var timeout = new CancellationTokenSource(ScriptedGatewayConnection.Patience);
        while (true)
        {
            var (name, data) = await _seen.Reader.ReadAsync(timeout.Token);
            if (name == eventName)
                return data;
        }
    }
}
