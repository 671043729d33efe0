using System.Buffers;
using System.Net.WebSockets;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// The gateway transport over <see cref="ClientWebSocket"/>. Joins the fragments of a message (a GUILD_CREATE can be
/// megabytes), turns a close frame into <see cref="GatewayFrame.Closed"/> with its code and a broken connection into
/// <c>Closed(null)</c>.
/// </summary>
public sealed class WebSocketGatewayConnection : IGatewayConnection
{
    private const int ChunkSize = 16 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly ArrayBufferWriter<byte> _message = new(ChunkSize);

    // Cancelling a ClientWebSocket receive aborts the socket, which would make a clean close impossible. So the socket
    // read runs without the caller's token and the caller only stops waiting for it; the next call picks it up again.
    private Task<ValueWebSocketReceiveResult>? _pending;

    public async Task OpenAsync(Uri url, CancellationToken cancellationToken = default)
    {
        try
        {
            await _socket.ConnectAsync(url, cancellationToken);
        }
        catch (WebSocketException e)
        {
            // The message names the URL, never the token (which only travels inside IDENTIFY).
            throw new IOException($"Could not open the gateway connection to {url.Host}: {e.Message}", e);
        }
    }

    public Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                _pending ??= _socket.ReceiveAsync(_message.GetMemory(ChunkSize), CancellationToken.None).AsTask();
                result = await _pending.WaitAsync(cancellationToken);
                _pending = null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                _pending = null;
                return GatewayFrame.Closed(null);
            }

            if (result.MessageType == WebSocketMessageType.Close)
                return GatewayFrame.Closed((int?)_socket.CloseStatus, _socket.CloseStatusDescription);
            _message.Advance(result.Count);
            if (result.EndOfMessage)
            {
                var whole = _message.WrittenMemory.ToArray();
                _message.ResetWrittenCount();
                return GatewayFrame.Text(whole);
            }
        }
    }

    /// <summary>Sends the close frame, then waits (bounded by the token) for Discord's answer before dropping the socket.</summary>
    public async Task CloseAsync(int code, string reason, CancellationToken cancellationToken = default)
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken);
            while (_socket.State == WebSocketState.CloseSent && !(await ReceiveAsync(cancellationToken)).IsClosed)
            {
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _socket.Abort();
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class WebSocketGatewayConnectionFactory : IGatewayConnectionFactory
{
    public IGatewayConnection Create() => new WebSocketGatewayConnection();
}
