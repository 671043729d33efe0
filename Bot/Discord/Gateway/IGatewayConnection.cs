namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// What one receive returned: a whole text message, or the end of the connection. A close frame carries its code;
/// a connection that dropped without one (network loss) has <see cref="CloseCode"/> null.
/// </summary>
public readonly record struct GatewayFrame(ReadOnlyMemory<byte>? Message, int? CloseCode = null, string? CloseReason = null)
{
    public bool IsClosed => Message is null;

    public static GatewayFrame Text(ReadOnlyMemory<byte> message) => new(message);

    public static GatewayFrame Closed(int? code, string? reason = null) => new(null, code, reason);
}

/// <summary>
/// The transport under the gateway state machine: four operations over one WebSocket. The real one wraps
/// <see cref="System.Net.WebSockets.ClientWebSocket"/>; tests script one.
/// </summary>
public interface IGatewayConnection : IAsyncDisposable
{
    Task OpenAsync(Uri url, CancellationToken cancellationToken = default);

    Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default);

    /// <summary>Waits for the next whole message, or the end of the connection (never throws for a closed socket).</summary>
    Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken = default);

    Task CloseAsync(int code, string reason, CancellationToken cancellationToken = default);
}

public interface IGatewayConnectionFactory
{
    IGatewayConnection Create();
}
