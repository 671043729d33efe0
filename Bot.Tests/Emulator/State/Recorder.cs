using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>What the bot did to the emulated Discord, in order. Guarded by the world's lock.</summary>
internal sealed class Recorder
{
    public List<RestRequestRecord> Requests { get; } = [];

    /// <summary>Every channel that existed, deleted ones included, in creation order.</summary>
    public List<EmulatedChannel> Channels { get; } = [];

    public List<EmulatedMessage> Messages { get; } = [];

    public Dictionary<string, int> CommandOverwrites { get; } = [];

    /// <summary>Exceptions inside the emulator's handlers (answered as 500); a test may assert there were none.</summary>
    public List<Exception> InternalErrors { get; } = [];

    public int RouteRateLimited { get; set; }

    public int GlobalRateLimited { get; set; }

    /// <summary>Requests that arrived while their bucket (or the global limit) told the bot to wait.</summary>
    public int EarlyRetries { get; set; }

    /// <summary>For each early retry: its route and why ("blocked", "spent", "global").</summary>
    public List<string> EarlyRetryDetails { get; } = [];

    /// <summary>401, 403 and 429 answers: what Cloudflare counts towards its 10,000 per 10 minutes ban.</summary>
    public int InvalidRequests { get; set; }

    public static string Scope(Snowflake? guildId) => guildId is { } id ? id.ToString() : "global";
}

/// <summary>A multipart part of a request body.</summary>
public sealed record MultipartPart(string Name, string? FileName, string? ContentType, byte[] Content);

/// <summary>
/// One REST request as the emulator saw it. The Authorization value is never kept, only whether it was a valid bot
/// authorization. <see cref="Route"/> is the template, e.g. <c>POST /guilds/{guild_id}/channels</c>.
/// </summary>
public sealed record RestRequestRecord(
    DateTimeOffset At,
    string Method,
    string Path,
    string? Route,
    bool HadBotAuth,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    IReadOnlyList<MultipartPart> Parts)
{
    public int Status { get; internal set; }

    /// <summary>Discord's JSON error code of the answer, if it was an error with one.</summary>
    public int? Code { get; internal set; }

    /// <summary>The X-Audit-Log-Reason, URL-decoded.</summary>
    public string? AuditLogReason => Headers.TryGetValue("X-Audit-Log-Reason", out var reason) ? Uri.UnescapeDataString(reason) : null;

    public override string ToString() => $"{Method} {Path} → {Status}{(Code is { } c ? $" ({c})" : "")}";
}
