namespace CrossCoaching.Discord.Gateway;

/// <summary>How long to wait before the next connection.</summary>
internal static class GatewayReconnectPolicy
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After <paramref name="failures"/> connections in a row that did not reach READY/RESUMED: 1 s, 2 s, 4 s … 60 s,
    /// each shortened by up to a quarter at random so that many bots (or shards) do not retry in step.
    /// </summary>
    public static TimeSpan Backoff(int failures, double jitter)
    {
        if (failures <= 0)
            return TimeSpan.Zero;
        var seconds = Math.Min(MaxBackoff.TotalSeconds, FirstBackoff.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 30)));
        return TimeSpan.FromSeconds(seconds * (1 - (0.25 * jitter)));
    }

    /// <summary>
    /// Before a new IDENTIFY after an invalid session: a random 1–5 s, as Discord's docs long asked
    /// (https://discord.com/developers/docs/events/gateway-events#invalid-session).
    /// </summary>
    public static TimeSpan InvalidSessionWait(double jitter) => TimeSpan.FromSeconds(1 + (4 * jitter));

    /// <summary>The wait before the next connection, given how the last one ended.</summary>
    public static TimeSpan Delay(GatewayNextStep next, int failures, Func<double> jitter)
    {
        var backoff = Backoff(failures, failures > 0 ? jitter() : 0);
        return next == GatewayNextStep.Identify ? Max(InvalidSessionWait(jitter()), backoff) : backoff;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
