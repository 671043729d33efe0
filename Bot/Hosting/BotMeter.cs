namespace CrossCoaching.Hosting;

/// <summary>
/// The one <see cref="System.Diagnostics.Metrics.Meter"/> of the bot. Each feature creates its own instruments on it
/// through <see cref="System.Diagnostics.Metrics.IMeterFactory"/> (which hands every caller the same meter of a host);
/// with nothing listening an instrument costs a field read per measurement. deploy/OPERATIONS.md lists them.
/// </summary>
public static class BotMeter
{
    public const string Name = "CrossCoaching";
}
