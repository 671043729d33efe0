using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.EmulatorTests;

/// <summary>A bare ClientWebSocket speaking the gateway protocol by hand, to test the emulator without the bot's client.</summary>
internal sealed class RawGateway : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();

    public static async Task<RawGateway> ConnectAsync(string url, string query = "v=10&encoding=json")
    {
        var gateway = new RawGateway();
        await gateway.socket.ConnectAsync(new Uri($"{url}?{query}"), CancellationToken.None);
        return gateway;
    }

    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    public Task SendAsync(JsonNode payload) => SendTextAsync(payload.ToJsonString());

    public Task SendTextAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendAsync(int op, JsonNode? data) => SendAsync(new JsonObject { ["op"] = op, ["d"] = data });

    /// <summary>The next payload, or null when the server closed the connection (see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonObject?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancel.Token);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
                return (JsonObject)JsonNode.Parse(message.ToArray())!;
        }
    }

    /// <summary>Skips payloads until one matches.</summary>
    public async Task<JsonObject> ReceiveUntilAsync(Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        while (true)
        {
            var payload = await ReceiveAsync(timeout) ?? throw new InvalidOperationException($"Closed with {CloseStatus} before a matching payload.");
            if (match(payload))
                return payload;
        }
    }

    public Task<JsonObject> ReceiveDispatchAsync(string eventName) => ReceiveUntilAsync(p => p["t"]?.GetValue<string>() == eventName);

    /// <summary>Reads until the server closes, returning its close code.</summary>
    public async Task<int?> ReceiveCloseAsync(TimeSpan? timeout = null)
    {
        try
        {
            while (await ReceiveAsync(timeout) is not null)
            {
            }
        }
        catch (WebSocketException)
        {
            return null;
        }
        return (int?)socket.CloseStatus;
    }

    public static JsonObject Identify(string token, int intents = 129) => new()
    {
        ["token"] = token,
        ["intents"] = intents,
        ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "raw-test", ["device"] = "raw-test" },
    };

    public static JsonObject Resume(string token, string sessionId, int seq) => new() { ["token"] = token, ["session_id"] = sessionId, ["seq"] = seq };

    /// <summary>Connects, reads HELLO, identifies and reads READY.</summary>
    public static async Task<(RawGateway Gateway, JsonObject Ready)> IdentifiedAsync(Emulator.DiscordEmulator emulator, int intents = 129)
    {
        var gateway = await ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();
        await gateway.SendAsync(2, Identify(emulator.Token, intents));
        var ready = await gateway.ReceiveDispatchAsync("READY");
        return (gateway, ready);
    }

    public async Task CloseAsync(WebSocketCloseStatus status = (WebSocketCloseStatus)4000)
    {
        try
        {
            await socket.CloseAsync(status, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        socket.Abort();
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
