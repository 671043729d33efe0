using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Makes ids the way Discord does: milliseconds since 2015 shifted left by 22 bits, so they sort by creation time
/// (https://discord.com/developers/docs/reference#snowflakes). Strictly increasing even within a millisecond.
/// </summary>
internal sealed class SnowflakeGenerator(TimeProvider time)
{
    private const long DiscordEpochMs = 1420070400000;
    private readonly Lock sync = new();
    private ulong last;

    public Snowflake Next()
    {
        // A fake clock set before 2015 still gets valid (small, increasing) ids.
        var ms = (ulong)Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMs);
        lock (sync)
        {
            var candidate = ms << 22;
            last = candidate > last ? candidate : last + 1;
            return new Snowflake(last);
        }
    }
}
