namespace CrossCoaching.Discord.Gateway;

internal enum GatewayNextStep
{
    /// <summary>Reconnect to the resume URL and send RESUME (falls back to IDENTIFY without a session).</summary>
    Resume,

    /// <summary>Forget the session; after a random 1–5 s, open the cached gateway URL and IDENTIFY.</summary>
    Identify,

    /// <summary>Reconnecting cannot help: stop the bot with <see cref="GatewayOutcome.Reason"/>.</summary>
    Fatal,

    /// <summary>The host is stopping.</summary>
    Stop,
}

/// <summary>How one connection ended, and what the session does next.</summary>
/// <param name="ReachedReady">Whether READY or RESUMED arrived on it (a successful connection resets the backoff).</param>
internal sealed record GatewayOutcome(GatewayNextStep Next, string Reason, int? CloseCode = null, bool ReachedReady = false)
{
    /// <summary>What a close frame (or a dropped connection, code null) asks for.</summary>
    public static GatewayOutcome FromClose(int? code, string? reason) =>
        GatewayCloseCodes.FatalMessage(code) is { } fatal ? new(GatewayNextStep.Fatal, fatal, code)
        : GatewayCloseCodes.EndsSession(code) ? new(GatewayNextStep.Identify, Describe(code, reason), code)
        : new(GatewayNextStep.Resume, Describe(code, reason), code);

    private static string Describe(int? code, string? reason) =>
        code is null ? "the connection dropped" : $"Discord closed the connection{(string.IsNullOrEmpty(reason) ? "" : $" ({reason})")}";
}
