namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// Discord allows a bot a fixed number of IDENTIFYs a day (1,000 for most bots), and resets the token of a bot that
/// goes over (https://discord.com/developers/docs/events/gateway#session-start-limit). A crash loop (systemd restarting
/// the process) or an op-9 loop must not spend it: the budget is read from <c>GET /gateway/bot</c> before every IDENTIFY
/// and, once it runs low, what is left is spread over the time until it resets.
/// </summary>
internal static class IdentifyBudget
{
    /// <summary>Below this share of the total, identifies are spread out.</summary>
    public const int LowPercent = 10;

    /// <summary>Added to a wait until the reset: Discord's clock and ours tick apart.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait before the next IDENTIFY; zero when the budget is comfortable.</summary>
    public static TimeSpan WaitBefore(GatewayInfo info)
    {
        var reset = info.SessionStartsResetAfter < TimeSpan.Zero ? TimeSpan.Zero : info.SessionStartsResetAfter;
        if (info.SessionStartsRemaining <= 0)
            return reset + Margin;
        if ((long)info.SessionStartsRemaining * 100 >= (long)Math.Max(info.SessionStartsTotal, 1) * LowPercent)
            return TimeSpan.Zero;
        // Low: one IDENTIFY per (time to the reset / identifies left), so the budget lasts until it is renewed.
        return reset / info.SessionStartsRemaining;
    }
}
