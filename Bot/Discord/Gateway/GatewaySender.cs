using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// The one way out to a connection: enforces the 4096-byte payload limit (a larger one would get the connection closed
/// with 4002), the send rate limit, and one send at a time (a WebSocket allows no concurrent sends).
/// </summary>
internal sealed class GatewaySender(IGatewayConnection connection, GatewaySendLimiter limiter, ILogger logger) : IDisposable
{
    public const int MaxPayloadBytes = 4096;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <param name="priority">Heartbeat, IDENTIFY and RESUME: they may use the reserved part of the rate limit.</param>
    /// <param name="what">Names the payload in a log line; the payload itself is never logged (it may hold the token).</param>
    /// <returns>False when the payload was too large and was dropped.</returns>
    public async Task<bool> SendAsync(ReadOnlyMemory<byte> payload, bool priority, string what, CancellationToken cancellationToken)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            logger.LogError("Dropped a gateway {What} of {Bytes} bytes: Discord closes the connection over {Max} bytes", what, payload.Length, MaxPayloadBytes);
            return false;
        }

        await limiter.AcquireAsync(priority, cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await connection.SendAsync(payload, cancellationToken);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
