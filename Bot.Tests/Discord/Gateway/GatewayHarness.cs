using System.Text.Json;
using CrossCoaching.Discord.Gateway;
using CrossCoaching.Discord;
using CrossCoaching.Hosting;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Discord.Gateway;

/// <summary>A <see cref="GatewaySession"/> on a fake clock over scripted connections, with helpers for the usual steps.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = "test-token-SECRET";
    public const string SessionId = "session-1";
    public const string ResumeUrl = "wss://resume.gateway.test";
    public static readonly Uri GatewayUrl = new("wss://gateway.test/");

    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public GatewayHarness(DiscordOptions? options = null, double jitter = 0.5, params IGatewayDispatchHandler[] handlers)
        : this(options, jitter, null, handlers)
    {
    }

    /// <summary>A harness whose session reports to these metrics.</summary>
    public GatewayHarness(DiscordMetrics metrics)
        : this(null, 0.5, metrics, [])
    {
    }

    private GatewayHarness(DiscordOptions? options, double jitter, DiscordMetrics? metrics, IGatewayDispatchHandler[] handlers)
    {
        Options = options ?? new DiscordOptions { Token = Token };
        Api = new FakeGatewayApi(GatewayUrl);
        Jitter = new FixedJitter(jitter);
        Exit = new BotExit(Lifetime, Logs.For<BotExit>());
        var dispatcher = new GatewayDispatcher([Dispatches, .. handlers], Logs.For<GatewayDispatcher>());
        Session = new GatewaySession(
            GatewayShard.From(Options), Options.Token!, Connections, new GatewayUrlProvider(Api, Microsoft.Extensions.Options.Options.Create(Options)),
            dispatcher, Jitter, Exit, Time, Logs.For<GatewaySession>(), metrics);
    }

    public DiscordOptions Options { get; }
    public FakeTimeProvider Time { get; } = new();
    public ScriptedGatewayConnectionFactory Connections { get; } = new();
    public FakeGatewayApi Api { get; }
    public FixedJitter Jitter { get; }
    public CapturingLoggerProvider Logs { get; } = new();
    public FakeLifetime Lifetime { get; } = new();
    public BotExit Exit { get; }
    public RecordingDispatchHandler Dispatches { get; } = new();
    public GatewaySession Session { get; }

    /// <summary>The session's run; completes when it stops by itself (a fatal close) or is stopped.</summary>
    public Task Running => _running ?? throw new InvalidOperationException("Start the session first.");

    public GatewayHarness Start()
    {
        _running = Task.Run(() => Session.RunAsync(_stop.Token));
        return this;
    }

    /// <summary>Waits for the next connection, says HELLO, and checks the client identifies.</summary>
    public async Task<(ScriptedGatewayConnection Connection, JsonElement Identify)> ConnectAsync(int heartbeatMs = 41250)
    {
        var connection = await Connections.NextAsync();
        connection.PushHello(heartbeatMs);
        var identify = await connection.NextSentAsync(2);
        return (connection, identify);
    }

    public static string ReadyJson(string sessionId = SessionId, string guilds = "[]") =>
        $$$"""{"v":10,"user":{"id":"100","username":"coachbot","global_name":null,"bot":true},"guilds":{{{guilds}}},"session_id":"{{{sessionId}}}","resume_gateway_url":"{{{ResumeUrl}}}","application":{"id":"200","flags":0}}""";

    /// <summary>Sends READY with this sequence number and waits until the session has handled it.</summary>
    public async Task ReadyAsync(ScriptedGatewayConnection connection, long sequence = 1)
    {
        connection.PushDispatch("READY", sequence, ReadyJson());
        await Dispatches.WaitForAsync("READY");
    }

    /// <summary>A dispatch the session has fully handled once this returns.</summary>
    public async Task DispatchAsync(ScriptedGatewayConnection connection, string name, long sequence, string data = "{}")
    {
        connection.PushDispatch(name, sequence, data);
        await Dispatches.WaitForAsync(name);
    }

    /// <summary>Waits until the session has chosen its next wait (the "Reconnecting" line), so the test may move the clock.</summary>
    public Task<LogEntry> ReconnectingAsync() => Logs.WaitForAsync("Reconnecting");

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
            await _running.WaitAsync(ScriptedGatewayConnection.Patience);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
        Assert.Empty(Connections.Errors);
        Assert.DoesNotContain(Logs.Entries, e => e.Message.Contains(Token, StringComparison.Ordinal));
    }
}
