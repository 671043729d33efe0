using System.Text.Json;
using CrossCoaching.Discord.Wire;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// One connection of a session, from open to close: waits for HELLO, starts the heartbeat, sends IDENTIFY or RESUME, then
/// reads frames until one of them (or the heartbeat, or the host) ends the connection, and says what to do next.
/// </summary>
internal sealed class GatewayConnectionRun : IDisposable
{
    public static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(1);

    private readonly IGatewayConnection _connection;
    private readonly GatewaySessionState _state;
    private readonly GatewayCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly GatewayHeartbeat _heartbeat;
    private readonly GatewayFrameHandler _frames;
    private readonly CancellationTokenSource _abort = new();
    private string? _failure;
    private bool _closedByServer;

    public GatewayConnectionRun(IGatewayConnection connection, GatewaySessionState state, GatewayDispatcher dispatcher,
        GatewayCredentials credentials, IGatewayJitter jitter, TimeProvider time, ILogger logger)
    {
        (_connection, _state, _credentials, _time, _logger) = (connection, state, credentials, time, logger);
        Sender = new GatewaySender(connection, new GatewaySendLimiter(time), logger);
        _heartbeat = new GatewayHeartbeat(Sender, state, time, jitter, Fail, logger);
        _frames = new GatewayFrameHandler(state, dispatcher, _heartbeat, logger);
    }

    public GatewaySender Sender { get; }

    public async Task<GatewayOutcome> RunAsync(Uri url, bool resume, CancellationToken stopping)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping, _abort.Token);
        var beating = Task.CompletedTask;
        GatewayOutcome outcome;
        try
        {
            var (interval, early) = await OpenAsync(url, run.Token);
            if (early is null)
            {
                var helloAt = _time.GetUtcNow();
                // IDENTIFY (or RESUME) goes first, then the heartbeat starts on its schedule counted from HELLO.
                await IntroduceAsync(resume, run.Token);
                beating = _heartbeat.StartAsync(interval, helloAt, run.Token);
                outcome = await ConverseAsync(run.Token);
            }
            else
                outcome = early;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            outcome = new(GatewayNextStep.Stop, "the bot is stopping");
        }
        catch (OperationCanceledException) when (Volatile.Read(ref _failure) is { } failure)
        {
            outcome = new(GatewayNextStep.Resume, failure, GatewayCloseCodes.Reconnecting);
        }
        catch (Exception e)
        {
            // Includes a cancellation that is none of ours (a socket aborted under a pending operation).
            outcome = new(GatewayNextStep.Resume, $"the connection failed: {e.Message}");
        }

        await run.CancelAsync();
        await beating;
        if (!_closedByServer)
            await CloseAsync(outcome.Next == GatewayNextStep.Stop ? GatewayCloseCodes.Normal : GatewayCloseCodes.Reconnecting);
        return outcome with { ReachedReady = _frames.Ready };
    }

    /// <summary>Ends the connection from outside the receive loop (the heartbeat found a zombie, or a beat failed).</summary>
    private void Fail(string reason)
    {
        if (Interlocked.CompareExchange(ref _failure, reason, null) is null)
            _abort.Cancel();
    }

    /// <returns>The heartbeat interval from HELLO, or how the connection ended before it.</returns>
    private async Task<(TimeSpan Interval, GatewayOutcome? Ended)> OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(HelloTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _connection.OpenAsync(url, linked.Token);
            var frame = await _connection.ReceiveAsync(linked.Token);
            if (frame.IsClosed)
                return (default, Closed(frame));
            using var document = JsonDocument.Parse(frame.Message!.Value);
            var root = document.RootElement;
            return root.GetProperty("op").GetInt32() switch
            {
                10 => (TimeSpan.FromMilliseconds(root.GetProperty("d").Deserialize(GatewayJsonContext.Default.GatewayHello)!.HeartbeatInterval), null),
                7 => (default, new(GatewayNextStep.Resume, "Discord asked the bot to reconnect before HELLO (op 7)")),
                var op => (default, new(GatewayNextStep.Resume, $"Discord sent op {op} instead of HELLO")),
            };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (default, new(GatewayNextStep.Resume, $"no HELLO within {HelloTimeout.TotalSeconds:0} s"));
        }
    }

    private async Task IntroduceAsync(bool resume, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Connected to the Discord gateway; {Action}", resume ? "resuming the session" : "identifying");
        var payload = resume
            ? GatewayPayloads.Resume(_credentials.Token, _state.SessionId!, _state.Sequence)
            : GatewayPayloads.Identify(_credentials.Token, _credentials.Shard);
        await Sender.SendAsync(payload, priority: true, resume ? "RESUME" : "IDENTIFY", cancellationToken);
    }

    private async Task<GatewayOutcome> ConverseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await _connection.ReceiveAsync(cancellationToken);
            if (frame.IsClosed)
                return Closed(frame);
            if (await _frames.HandleAsync(frame.Message!.Value, cancellationToken) is { } outcome)
                return outcome;
        }
    }

    private GatewayOutcome Closed(GatewayFrame frame)
    {
        _closedByServer = true;
        return GatewayOutcome.FromClose(frame.CloseCode, frame.CloseReason);
    }

    public void Dispose()
    {
        _abort.Dispose();
        Sender.Dispose();
    }

    private async Task CloseAsync(int code)
    {
        using var timeout = new CancellationTokenSource(CloseTimeout, _time);
        try
        {
            await _connection.CloseAsync(code, code == GatewayCloseCodes.Normal ? "stopping" : "reconnecting", timeout.Token);
        }
        catch (Exception e)
        {
            _logger.LogDebug(e, "Closing the gateway connection failed");
        }
    }
}

/// <summary>What IDENTIFY and RESUME need besides the session: the token (never logged) and the shard.</summary>
internal sealed record GatewayCredentials(string Token, GatewayShard? Shard)
{
    public override string ToString() => $"GatewayCredentials {{ Shard = {Shard} }}";
}
