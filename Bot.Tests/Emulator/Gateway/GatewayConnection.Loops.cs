using System.Net.WebSockets;
using System.Text;

namespace CrossCoaching.Tests.Emulator;

/// <summary>The connection's three loops: reading client payloads, writing queued frames, watching heartbeats.</summary>
internal sealed partial class GatewayConnection
{
    public async Task RunAsync(GatewayProtocol protocol, CancellationToken stopping)
    {
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var writer = WriteLoopAsync(stopping);
        var watchdog = WatchdogAsync(ending.Token);
        try
        {
            await ReadLoopAsync(protocol, stopping);
        }
        finally
        {
            lock (world.Sync)
            {
                Ended = true;
                Closing = true;
                protocol.OnEnded(this);
            }
            outbound.Writer.TryComplete();
            await ending.CancelAsync();
            await Task.WhenAll(writer, watchdog);
            socket.Abort();
        }
    }

    private async Task ReadLoopAsync(GatewayProtocol protocol, CancellationToken stopping)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(), stopping);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
            {
                return;
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                OnClientClose(protocol);
                return;
            }
            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxPayloadBytes)
            {
                lock (world.Sync)
                    Close(4002, "Payload too large (over 4096 bytes).");
                message.SetLength(0);
                continue;
            }
            if (!result.EndOfMessage)
                continue;
            var text = result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length) : null;
            message.SetLength(0);
            lock (world.Sync)
            {
                if (!Closing)
                    protocol.OnPayload(this, text);
            }
        }
    }

    private void OnClientClose(GatewayProtocol protocol)
    {
        lock (world.Sync)
        {
            if (Closing)
                return; // The client's answer to our close frame, not a close of its own.
            Closing = true;
            Record.ClientCloseCode = (int?)socket.CloseStatus;
            protocol.OnClientClosed(this, Record.ClientCloseCode);
            // Echo the client's close frame (RFC 6455), after what is already queued.
            outbound.Writer.TryWrite((null, Record.ClientCloseCode ?? (int)WebSocketCloseStatus.NormalClosure, null));
        }
    }

    private async Task WriteLoopAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var (text, code, reason) in outbound.Reader.ReadAllAsync(stopping))
            {
                if (text is not null)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, stopping);
                    continue;
                }
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, stopping);
                _ = AbortIfClientStaysAsync(stopping);
                return;
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException or InvalidOperationException)
        {
        }
    }

    private async Task AbortIfClientStaysAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(CloseHandshakeTimeout, stopping);
        }
        catch (OperationCanceledException)
        {
        }
        if (!Ended)
            socket.Abort();
    }

    /// <summary>Closes a connection whose client stopped heartbeating; its session stays resumable.</summary>
    private async Task WatchdogAsync(CancellationToken stopping)
    {
        var interval = world.Options.HeartbeatInterval;
        var allowed = interval * world.Options.HeartbeatTolerance;
        var step = TimeSpan.FromMilliseconds(Math.Clamp(interval.TotalMilliseconds / 10, 10, 1000));
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(step, world.Time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (world.Sync)
            {
                if (Closing)
                    return;
                if (world.Now - LastHeartbeatAt > allowed)
                    Close(world.Options.HeartbeatTimeoutCloseCode, "Heartbeat timed out.");
            }
        }
    }
}
