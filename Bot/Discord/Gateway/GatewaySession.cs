using CrossCoaching.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// The gateway session of one shard: connects, and reconnects as each ending asks (resume, new IDENTIFY after 1–5 s,
/// exponential backoff after failed connections, or stop the bot on a fatal close code), until the host stops.
/// </summary>
public sealed class GatewaySession(
    GatewayShard? shard,
    string token,
    IGatewayConnectionFactory connections,
    GatewayUrlProvider urls,
    GatewayDispatcher dispatcher,
    IGatewayJitter jitter,
    BotExit exit,
    [FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time,
    ILogger<GatewaySession> logger,
    DiscordMetrics? metrics = null,
    IdentifyGate? identifyGate = null) : IGatewayStatus
{
    private readonly GatewaySessionState _state = new();
    private readonly GatewayCredentials _credentials = new(token, shard);
    private GatewayConnectionRun? _current;

    public GatewayShard? Shard => shard;

    public IReadOnlyList<ShardStatus> Shards => [new(shard?.Id ?? 0, _state.Connected)];

    /// <summary>READY or RESUMED arrived on the current connection, which has not ended since.</summary>
    public bool Connected => _state.Connected;

    /// <summary>The bot's user from the last READY.</summary>
    public DiscordUser? User => _state.User;

    /// <summary>The application id from the last READY.</summary>
    public Snowflake? ApplicationId => _state.ApplicationId;

    /// <summary>
    /// Sends an ordinary gateway command (presence, voice state…) on the current connection, within the send budget.
    /// </summary>
    /// <returns>False when there is no connection or the payload was too large.</returns>
    internal async Task<bool> SendAsync(ReadOnlyMemory<byte> payload, string what, CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _current) is { } run && await run.Sender.SendAsync(payload, priority: false, what, cancellationToken);

    /// <summary>Runs until <paramref name="stopping"/> fires, or a fatal close code stops the bot.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        var due = time.GetUtcNow();
        try
        {
            while (true)
            {
                await GatewayTime.DelayUntilAsync(time, due, stopping);
                var outcome = await ConnectGuardedAsync(stopping);
                _state.Disconnected();
                failures = outcome.ReachedReady ? 0 : failures + 1;
                switch (outcome.Next)
                {
                    case GatewayNextStep.Stop:
                        return;
                    case GatewayNextStep.Fatal:
                        exit.Fail(outcome.Reason, 1);
                        return;
                    case GatewayNextStep.Identify:
                        _state.Forget();
                        break;
                }

                metrics?.Reconnecting(shard?.Id ?? 0, _state.CanResume);
                var delay = GatewayReconnectPolicy.Delay(outcome.Next, failures, jitter.Next);
                due = time.GetUtcNow() + delay;
                logger.LogInformation("Reconnecting to the Discord gateway in {Delay:0.###} s to {Action}: {Reason} (close code {CloseCode})",
                    delay.TotalSeconds, _state.CanResume ? "resume" : "identify", outcome.Reason, outcome.CloseCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>A bug in one connection (or in disposing it) must not end the session for good: it counts as a failure.</summary>
    private async Task<GatewayOutcome> ConnectGuardedAsync(CancellationToken stopping)
    {
        try
        {
            return await ConnectOnceAsync(stopping);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            logger.LogError(e, "The gateway connection failed unexpectedly");
            return new(GatewayNextStep.Resume, $"unexpected error: {e.Message}");
        }
    }

    /// <summary>
    /// Reads the IDENTIFY budget and waits while it is spent (until it resets) or low (the rest spread until the reset),
    /// so that no crash or op-9 loop can use it up; see <see cref="IdentifyBudget"/>.
    /// </summary>
    private async Task<Uri> WaitForIdentifyBudgetAsync(CancellationToken stopping)
    {
        while (true)
        {
            var (url, info) = await urls.ForIdentifyAsync(stopping);
            var wait = IdentifyBudget.WaitBefore(info);
            if (wait > TimeSpan.Zero)
            {
                var due = time.GetUtcNow() + wait;
                logger.LogWarning(
                    "Discord allows {Remaining} more IDENTIFY of {Total} until its budget resets in {Reset:0} min; waiting {Wait:0.#} min before identifying",
                    info.SessionStartsRemaining, info.SessionStartsTotal, info.SessionStartsResetAfter.TotalMinutes, wait.TotalMinutes);
                await GatewayTime.DelayUntilAsync(time, due, stopping);
                if (info.SessionStartsRemaining <= 0)
                    continue;
            }

            // Then the shard's turn in its max_concurrency bucket, shared with the other shards and instances.
            if (identifyGate is not null)
                await identifyGate.WaitTurnAsync(shard?.Id ?? 0, info.MaxConcurrency, stopping);
            return url;
        }
    }

    private async Task<GatewayOutcome> ConnectOnceAsync(CancellationToken stopping)
    {
        var resume = _state.CanResume;
        Uri url;
        try
        {
            url = resume ? _state.ResumeUrl! : await WaitForIdentifyBudgetAsync(stopping);
        }
        catch (DiscordApiException e) when (e.Status == 401)
        {
            return new(GatewayNextStep.Fatal, GatewayCloseCodes.TokenRejectedByRest);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new(GatewayNextStep.Resume, $"the gateway URL could not be fetched: {e.Message}");
        }

        await using var connection = connections.Create();
        using var run = new GatewayConnectionRun(connection, _state, dispatcher, _credentials, jitter, time, logger);
        Volatile.Write(ref _current, run);
        try
        {
            return await run.RunAsync(url, resume, stopping);
        }
        finally
        {
            Interlocked.CompareExchange(ref _current, null, run);
        }
    }
}
