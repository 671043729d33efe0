using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// What the emulated gateway does with each client payload (https://discord.com/developers/docs/events/gateway and
/// topics/opcodes-and-status-codes). Called under the world's lock.
/// </summary>
internal sealed class GatewayProtocol(World world)
{
    private GatewayHub Hub => world.Gateway;

    public static string Frame(int op, JsonNode? data) =>
        new JsonObject { ["op"] = op, ["d"] = data, ["s"] = null, ["t"] = null }.ToJsonString();

    public void OnPayload(GatewayConnection connection, string? text)
    {
        var payload = Parse(text);
        Hub.RecordFrame(connection, FrameDirection.In, payload is null ? text ?? "<binary>" : Redacted(payload).ToJsonString());
        if (!connection.CountPayload(world.Now))
        {
            connection.Close(4008, "You are being rate limited.");
            return;
        }
        if (payload is null || JsonRead.Int(payload["op"]) is not { } op)
        {
            connection.Close(4002, "Error while decoding payload.");
            return;
        }
        if (connection.Session is null && op is not (1 or 2 or 6))
        {
            connection.Close(4003, "Not authenticated.");
            return;
        }
        switch (op)
        {
            case 1:
                Heartbeat(connection, payload["d"]);
                break;
            case 2:
                new GatewayIdentify(world).Identify(connection, payload["d"]);
                break;
            case 6:
                new GatewayResume(world).Resume(connection, payload["d"]);
                break;
            case 8:
                new GatewayMemberRequests(world).Request(connection, payload["d"]);
                break;
            case 3 or 4 or 31 or 43:
                // Presence, voice state, soundboard and channel info: valid, not emulated further.
                break;
            default:
                connection.Close(4001, "Unknown opcode.");
                break;
        }
    }

    private void Heartbeat(GatewayConnection connection, JsonNode? data)
    {
        var seq = JsonRead.Long(data);
        if (data is not null && seq is null)
        {
            connection.Close(4001, "Heartbeat d must be the last sequence number or null.");
            return;
        }
        connection.LastHeartbeatAt = world.Now;
        Hub.Heartbeats.Add(new HeartbeatRecord(world.Now, connection.Number, seq));
        if (Hub.AcknowledgeHeartbeats)
            connection.Send(Frame(11, null));
        world.Touch();
    }

    /// <summary>A client close with 1000 or 1001 ends the session; any other code keeps it resumable (gateway.mdx).</summary>
    public void OnClientClosed(GatewayConnection connection, int? code)
    {
        if (code is 1000 or 1001 && connection.Session is { } session)
            session.Invalidated = true;
        Hub.Detach(connection);
        world.Touch();
    }

    public void OnEnded(GatewayConnection connection)
    {
        connection.Record.ClosedAt = world.Now;
        Hub.Open.Remove(connection);
        Hub.Detach(connection);
        world.Touch();
    }

    private static JsonObject? Parse(string? text)
    {
        if (text is null)
            return null;
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The payload with its token hidden, for the frame log.</summary>
    private static JsonObject Redacted(JsonObject payload)
    {
        if (payload["d"] is not JsonObject { } data || !data.ContainsKey("token"))
            return payload;
        var copy = (JsonObject)payload.DeepClone();
        copy["d"]!["token"] = "<redacted>";
        return copy;
    }
}
