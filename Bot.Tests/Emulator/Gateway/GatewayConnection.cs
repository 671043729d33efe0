using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// One WebSocket of the emulated gateway: a read loop handing payloads to <see cref="GatewayProtocol"/>, a write loop
/// draining an ordered queue, and a watchdog for missed heartbeats. State changes happen under the world's lock.
/// </summary>
internal sealed partial class GatewayConnection(World world, WebSocket socket, HttpContext http, ConnectionRecord record)
{
    /// <summary>Discord refuses client payloads above 4096 bytes (close 4002).</summary>
    private const int MaxPayloadBytes = 4096;
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    private readonly Channel<(string? Text, int Code, string? Reason)> outbound = Channel.CreateUnbounded<(string?, int, string?)>();
    private readonly Queue<DateTimeOffset> recentPayloads = new();

    public ConnectionRecord Record { get; } = record;

    public int Number => Record.Number;

    public GatewaySession? Session { get; set; }

    public DateTimeOffset LastHeartbeatAt { get; set; } = record.OpenedAt;

    /// <summary>True once either side started closing; later client payloads are ignored.</summary>
    public bool Closing { get; private set; }

    public bool Ended { get; private set; }

    /// <summary>Queues a text frame (callers hold the world's lock, which keeps frames in dispatch order).</summary>
    public void Send(string text)
    {
        if (Closing)
            return;
        world.Gateway.RecordFrame(this, FrameDirection.Out, text);
        outbound.Writer.TryWrite((text, 0, null));
    }

    public void Close(int code, string reason)
    {
        if (Closing)
            return;
        Closing = true;
        Record.ServerCloseCode = code;
        Record.ServerCloseReason = reason;
        outbound.Writer.TryWrite((null, code, reason));
        world.Touch();
    }

    /// <summary>Cuts the connection without a close frame, as a network failure would (<paramref name="dropped"/> records it as such).</summary>
    public void Abort(bool dropped = true)
    {
        Closing = true;
        Record.Dropped |= dropped;
        socket.Abort();
        http.Abort();
        world.Touch();
    }

    /// <summary>Counts a client payload; false when the client exceeded the gateway send limit.</summary>
    public bool CountPayload(DateTimeOffset now)
    {
        while (recentPayloads.Count > 0 && now - recentPayloads.Peek() >= world.Options.GatewayPayloadWindow)
            recentPayloads.Dequeue();
        recentPayloads.Enqueue(now);
        return recentPayloads.Count <= world.Options.GatewayPayloadLimit;
    }
}
