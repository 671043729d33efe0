namespace CrossCoaching.Discord;

/// <summary>Discord timestamps (<c>&lt;t:…:F&gt;</c>): each reader sees the instant in their own zone and language.</summary>
public static class Timestamps
{
    /// <summary>Shown where there is no instant (no next session).</summary>
    public const string None = "—";

    /// <param name="style">Discord's style letter: F full, f short, D date, t time, R relative.</param>
    public static string Of(DateTimeOffset at, char style = 'F') => $"<t:{at.ToUnixTimeSeconds()}:{style}>";

    public static string OrNone(DateTimeOffset? at, char style = 'F') => at is { } a ? Of(a, style) : None;
}
