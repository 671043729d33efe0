using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>A WebSocket connection to the emulated gateway. <see cref="Path"/> tells whether it used the resume URL.</summary>
public sealed class ConnectionRecord(int number, string path, string query, DateTimeOffset openedAt)
{
    public int Number { get; } = number;

    /// <summary><c>/gateway</c> or <c>/resume-gateway</c>.</summary>
    public string Path { get; } = path;

    public string Query { get; } = query;

    public DateTimeOffset OpenedAt { get; } = openedAt;

    public DateTimeOffset? ClosedAt { get; internal set; }

    /// <summary>The close code the client sent, if it closed with a close frame.</summary>
    public int? ClientCloseCode { get; internal set; }

    /// <summary>The close code the emulator sent, if it closed the connection.</summary>
    public int? ServerCloseCode { get; internal set; }

    public string? ServerCloseReason { get; internal set; }

    /// <summary>True when the emulator cut the connection without a close frame (<c>DropConnection</c>).</summary>
    public bool Dropped { get; internal set; }

    public bool IsResumeUrl => Path.StartsWith("/resume-gateway", StringComparison.Ordinal);

    public override string ToString() =>
        $"connection {Number} {Path}?{Query} client close {ClientCloseCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, server close {ServerCloseCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";
}

/// <summary>An IDENTIFY. <see cref="Payload"/> is its <c>d</c> without the token.</summary>
public sealed record IdentifyRecord(DateTimeOffset At, int Connection, JsonObject Payload, bool TokenValid)
{
    /// <summary>"ready", "invalid-session" (identify rate), or "closed {code}".</summary>
    public string Outcome { get; internal set; } = "";

    public string? SessionId { get; internal set; }

    public int Intents => JsonRead.Int(Payload["intents"]) ?? 0;
}

/// <summary>A RESUME attempt.</summary>
public sealed record ResumeRecord(DateTimeOffset At, int Connection, string Path, string? SessionId, long? Seq)
{
    /// <summary>"resumed", "invalid-session" or "closed {code}".</summary>
    public string Outcome { get; internal set; } = "";

    /// <summary>How many dispatches were replayed before RESUMED.</summary>
    public int Replayed { get; internal set; }
}

/// <summary>A heartbeat (op 1) from the client, with its <c>d</c> (the last sequence number it saw).</summary>
public sealed record HeartbeatRecord(DateTimeOffset At, int Connection, long? Sequence);

/// <summary>READY sent to a new session.</summary>
public sealed record ReadyRecord(DateTimeOffset At, int Connection, string SessionId);

public enum FrameDirection
{
    In,
    Out,
}

/// <summary>A gateway payload as text (client tokens redacted).</summary>
public sealed record FrameRecord(DateTimeOffset At, int Connection, FrameDirection Direction, string Text)
{
    public JsonObject? Json
    {
        get
        {
            try
            {
                return JsonNode.Parse(Text) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    public int? Op => JsonRead.Int(Json?["op"]);

    public string? EventName => Json?["t"]?.GetValue<string>();
}
