using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// RESUME (op 6): replays every dispatch after the client's sequence number, then RESUMED. An unknown or expired
/// session, or a wrong token, gets Invalid Session with d false; a sequence the session never reached closes with 4007.
/// </summary>
internal sealed class GatewayResume(World world)
{
    private GatewayHub Hub => world.Gateway;

    public void Resume(GatewayConnection connection, JsonNode? data)
    {
        if (connection.Session is not null)
        {
            connection.Close(4005, "Already authenticated.");
            return;
        }
        if (data is not JsonObject d)
        {
            connection.Close(4001, "Invalid payload for RESUME.");
            return;
        }
        var sessionId = d["session_id"] is JsonValue sv && sv.TryGetValue<string>(out var id) ? id : null;
        var seq = JsonRead.Long(d["seq"]);
        var record = new ResumeRecord(world.Now, connection.Number, connection.Record.Path, sessionId, seq);
        Hub.Resumes.Add(record);
        var tokenValid = d["token"] is JsonValue tv && tv.TryGetValue<string>(out var token) && token == world.Options.Token;
        var session = Hub.Live.FirstOrDefault(s => s.Id == sessionId);
        if (!tokenValid || session is null || seq is null)
        {
            record.Outcome = "invalid-session";
            connection.Send(GatewayProtocol.Frame(9, false));
            world.Touch();
            return;
        }
        if (seq > session.Seq)
        {
            session.Invalidated = true;
            record.Outcome = "closed 4007";
            connection.Close(4007, "Invalid seq.");
            return;
        }
        if (session.Connection is { } old && old != connection)
        {
            // The previous socket of this session is taken over (the client thought it dead; the server may not yet).
            Hub.Detach(old);
            old.Abort(dropped: false);
        }
        session.Connection = connection;
        session.DisconnectedAt = null;
        connection.Session = session;
        foreach (var frame in session.After(seq.Value))
        {
            connection.Send(frame);
            record.Replayed++;
        }
        session.Dispatch("RESUMED", new JsonObject { ["_trace"] = new JsonArray("discord-emulator") });
        record.Outcome = "resumed";
        world.Touch();
    }
}
