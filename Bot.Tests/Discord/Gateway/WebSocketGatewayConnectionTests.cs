using System.Net.WebSockets;
using System.Text;
using CrossCoaching.Discord.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Tests.Discord.Gateway;

/// <summary>The real transport against a tiny Kestrel WebSocket endpoint on 127.0.0.1.</summary>
public sealed class WebSocketGatewayConnectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private static readonly string Big = "{\"op\":0,\"d\":\"" + new string('g', 40_000) + "\"}";

    private readonly TaskCompletionSource<(int? Code, string? Echo)> _serverSaw = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private Uri? _base;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.UseWebSockets();
        _app.Map("/fragments", Fragments);
        _app.Map("/abort", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await socket.SendAsync(Encoding.UTF8.GetBytes("""{"op":10}"""), WebSocketMessageType.Text, true, default);
            // Once the client answers, the connection drops without a close frame (as a network loss would).
            await socket.ReceiveAsync(new byte[64], default);
            context.Abort();
        });
        _app.Map("/listen", Listen);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _base = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    /// <summary>Sends a message in three fragments and a small one, echoes one message back, then closes with 4004.</summary>
    private static async Task Fragments(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var bytes = Encoding.UTF8.GetBytes(Big);
        var third = bytes.Length / 3;
        await socket.SendAsync(bytes.AsMemory(0, third), WebSocketMessageType.Text, false, default);
        await socket.SendAsync(bytes.AsMemory(third, third), WebSocketMessageType.Text, false, default);
        await socket.SendAsync(bytes.AsMemory(2 * third), WebSocketMessageType.Text, true, default);
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"op":11}"""), WebSocketMessageType.Text, true, default);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, default);
        await socket.SendAsync(buffer.AsMemory(0, received.Count), WebSocketMessageType.Text, true, default);
        await socket.CloseOutputAsync((WebSocketCloseStatus)4004, "Authentication failed", default);
        while (socket.State == WebSocketState.CloseSent && (await socket.ReceiveAsync(buffer, default)).MessageType != WebSocketMessageType.Close)
        {
        }
    }

    /// <summary>Says HELLO, then reports the close code the client sends.</summary>
    private async Task Listen(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"op":10}"""), WebSocketMessageType.Text, true, default);
        var buffer = new byte[4096];
        try
        {
            var result = await socket.ReceiveAsync(buffer, default);
            _serverSaw.TrySetResult(((int?)result.CloseStatus, result.MessageType == WebSocketMessageType.Close ? null : Encoding.UTF8.GetString(buffer, 0, result.Count)));
            if (socket.State == WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default);
        }
        catch (WebSocketException)
        {
            _serverSaw.TrySetResult((null, null));
        }
    }

    private static string Text(GatewayFrame frame) => Encoding.UTF8.GetString(frame.Message!.Value.Span);

    [Fact]
    public async Task Fragments_make_one_message_and_a_close_frame_gives_its_code()
    {
        await using var connection = new WebSocketGatewayConnection();
        await connection.OpenAsync(new Uri(_base!, "/fragments")).WaitAsync(Patience);

        Assert.Equal(Big, Text(await connection.ReceiveAsync().WaitAsync(Patience)));
        Assert.Equal("""{"op":11}""", Text(await connection.ReceiveAsync().WaitAsync(Patience)));
        await connection.SendAsync(Encoding.UTF8.GetBytes("""{"op":1,"d":null}""")).WaitAsync(Patience);
        Assert.Equal("""{"op":1,"d":null}""", Text(await connection.ReceiveAsync().WaitAsync(Patience)));

        var closed = await connection.ReceiveAsync().WaitAsync(Patience);
        Assert.True(closed.IsClosed);
        Assert.Equal(4004, closed.CloseCode);
        Assert.Equal("Authentication failed", closed.CloseReason);
    }

    [Fact]
    public async Task An_aborted_connection_ends_without_a_close_code()
    {
        await using var connection = new WebSocketGatewayConnection();
        await connection.OpenAsync(new Uri(_base!, "/abort")).WaitAsync(Patience);
        await connection.ReceiveAsync().WaitAsync(Patience);
        await connection.SendAsync(Encoding.UTF8.GetBytes("""{"op":2}""")).WaitAsync(Patience);

        var closed = await connection.ReceiveAsync().WaitAsync(Patience);

        Assert.True(closed.IsClosed);
        Assert.Null(closed.CloseCode);
    }

    [Fact]
    public async Task A_cancelled_receive_leaves_the_socket_open_so_the_close_code_reaches_the_server()
    {
        await using var connection = new WebSocketGatewayConnection();
        await connection.OpenAsync(new Uri(_base!, "/listen")).WaitAsync(Patience);
        await connection.ReceiveAsync().WaitAsync(Patience);
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20)))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.ReceiveAsync(cancel.Token));

        using var timeout = new CancellationTokenSource(Patience);
        await connection.CloseAsync(4000, "reconnecting", timeout.Token);

        Assert.Equal((4000, null), await _serverSaw.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_refused_connection_fails_to_open()
    {
        await using var connection = new WebSocketGatewayConnection();

        await Assert.ThrowsAsync<IOException>(() => connection.OpenAsync(new Uri(_base!, "/nothing-here")).WaitAsync(Patience));
    }
}
