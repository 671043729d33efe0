using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CrossCoaching.Tests.Emulator;

/// <summary>Accepts gateway WebSockets on both URLs, checks the query string, says HELLO and runs the connection.</summary>
internal sealed class GatewayEndpoint(World world, CancellationToken stopping)
{
    private readonly GatewayProtocol protocol = new(world);

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync("The gateway expects a WebSocket upgrade.");
            return;
        }
        var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, http.RequestAborted);
        GatewayConnection connection;
        lock (world.Sync)
        {
            var query = http.Request.QueryString.Value?.TrimStart('?') ?? "";
            var record = new ConnectionRecord(world.Gateway.Connections.Count + 1, http.Request.Path.Value ?? "", query, world.Now);
            world.Gateway.Connections.Add(record);
            connection = new GatewayConnection(world, socket, http, record);
            world.Gateway.Open.Add(connection);
            Greet(connection, http.Request.Query);
        }
        await connection.RunAsync(protocol, linked.Token);
    }

    /// <summary>Version and encoding are checked first (4012, 4002); then HELLO with the configured interval.</summary>
    private void Greet(GatewayConnection connection, IQueryCollection query)
    {
        if (query["v"] != "10")
        {
            connection.Close(4012, "Invalid API version.");
            return;
        }
        if (query["encoding"] != "json")
        {
            connection.Close(4002, "The emulator speaks encoding=json only.");
            return;
        }
        if (query.ContainsKey("compress"))
        {
            connection.Close(4002, "Transport compression is not emulated.");
            return;
        }
        var hello = new JsonObject { ["heartbeat_interval"] = (int)world.Options.HeartbeatInterval.TotalMilliseconds, ["_trace"] = new JsonArray("discord-emulator") };
        connection.Send(GatewayProtocol.Frame(10, hello));
        world.Touch();
    }
}
