using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Hosting;

/// <summary>Stops the host on a condition the bot cannot recover from, and remembers the exit code to return.</summary>
public sealed class BotExit(IHostApplicationLifetime lifetime, ILogger<BotExit> logger)
{
    private int _code;

    public int Code => Volatile.Read(ref _code);

    public void Fail(string message, int code = 1)
    {
        logger.LogCritical("{Message}", message);
        Interlocked.CompareExchange(ref _code, code, 0);
        lifetime.StopApplication();
    }
}
