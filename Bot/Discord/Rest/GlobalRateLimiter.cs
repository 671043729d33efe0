using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// Discord's global limit: at most 50 requests per second per bot, and a full stop when Discord answers a 429 with
/// <c>global</c> (https://discord.com/developers/docs/topics/rate-limits#global-rate-limit). Interaction callbacks and
/// interaction webhooks are not bound to it and do not come here.
/// </summary>
internal sealed class GlobalRateLimiter([FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time)
{
    /// <summary>
    /// Below Discord's 50: requests are counted here when they leave, and Discord counts them when they arrive, so a
    /// burst spread over exactly one second here can land within less than one second there.
    /// </summary>
    public const int RequestsPerSecond = 40;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _sync = new();

    // Send times of the last requests, oldest first: at most RequestsPerSecond within any one-second window.
    private readonly Queue<DateTimeOffset> _sent = new();
    private DateTimeOffset _pausedUntil;

    /// <summary>Waits for a slot in the window (and for the end of a global pause), then takes it.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryTake();
            if (wait <= TimeSpan.Zero)
                return;
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Stops every request bound to the global limit for <paramref name="wait"/> (a global 429).</summary>
    public void Pause(TimeSpan wait)
    {
        lock (_sync)
        {
            var until = time.GetUtcNow() + wait;
            if (until > _pausedUntil)
                _pausedUntil = until;
        }
    }

    private TimeSpan TryTake()
    {
        lock (_sync)
        {
            var now = time.GetUtcNow();
            if (_pausedUntil > now)
                return _pausedUntil - now;
            while (_sent.Count > 0 && _sent.Peek() <= now - Window)
                _sent.Dequeue();
            if (_sent.Count >= RequestsPerSecond)
                return _sent.Peek() + Window - now;
            _sent.Enqueue(now);
            return TimeSpan.Zero;
        }
    }
}
