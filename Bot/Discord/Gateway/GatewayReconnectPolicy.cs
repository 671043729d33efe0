namespace CrossCoaching.Discord.Gateway;

/// <summary>How long to wait before the next connection.</summary>
internal static class GatewayReconnectPolicy
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After <paramref name="failures"/> connections in a row that did not reach READY/RESUMED: 1 s, 2 s, 4 s … 60 s,
    /// each shortened by up to a quarter at random so that many bots (or shards) do not retry in step. Every wait lies
    /// within [<see cref="FirstBackoff"/>, <see cref="MaxBackoff"/>]: shortening keeps it under the ceiling, and the
    /// first one, which shortening would take below the floor (as low as 0.75 s), is mirrored above it instead
    /// (1 s to 1.25 s), so that it is still spread out rather than pinned to 1 s.
    /// </summary>
    /// <param name="jitter">A number in [0, 1); 0 gives the nominal wait.</param>
    public static TimeSpan Backoff(int failures, double jitter)
    {
        if (failures <= 0)
            return TimeSpan.Zero;
        var floor = FirstBackoff.TotalSeconds;
        var seconds = Math.Min(MaxBackoff.TotalSeconds, floor * Math.Pow(2, Math.Min(failures - 1, 30)));
        var shortened = seconds * (1 - (0.25 * jitter));
        return TimeSpan.FromSeconds(shortened >= floor ? shortened : floor + (floor - shortened));
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
