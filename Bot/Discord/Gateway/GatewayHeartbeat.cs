using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// Heartbeats of one connection (https://discord.com/developers/docs/events/gateway#sending-heartbeats): the first after
/// interval × jitter, then one every interval with the last sequence number. A beat that finds the previous one still
/// un-ACKed means a zombie connection: <paramref name="fail"/> is told, and the session reconnects and resumes.
/// </summary>
internal sealed class GatewayHeartbeat(
    GatewaySender sender, GatewaySessionState state, TimeProvider time, IGatewayJitter jitter, Action<string> fail, ILogger logger)
{
    private int _awaitingAck;

    /// <summary>Starts beating on a schedule that counts from <paramref name="helloAt"/>, when HELLO arrived.</summary>
    public Task StartAsync(TimeSpan interval, DateTimeOffset helloAt, CancellationToken cancellationToken) =>
        RunAsync(interval, helloAt, cancellationToken);

    /// <summary>op 11.</summary>
    public void Acknowledge() => Volatile.Write(ref _awaitingAck, 0);

    /// <summary>Answers a server op 1 at once. It does not count toward zombie detection: only scheduled beats do.</summary>
    public Task BeatNowAsync(CancellationToken cancellationToken) => BeatAsync(cancellationToken);

    private async Task RunAsync(TimeSpan interval, DateTimeOffset helloAt, CancellationToken cancellationToken)
    {
        var due = helloAt + (interval * jitter.Next());
        try
        {
            while (true)
            {
                await GatewayTime.DelayUntilAsync(time, due, cancellationToken);
                if (Interlocked.Exchange(ref _awaitingAck, 1) == 1)
                {
                    fail("no heartbeat ACK since the last beat (zombie connection)");
                    return;
                }

                await BeatAsync(cancellationToken);
                due += interval;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "A heartbeat could not be sent");
            fail("a heartbeat could not be sent");
        }
    }

    private Task<bool> BeatAsync(CancellationToken cancellationToken) =>
        sender.SendAsync(GatewayPayloads.Heartbeat(state.Sequence), priority: true, "heartbeat", cancellationToken);
}
