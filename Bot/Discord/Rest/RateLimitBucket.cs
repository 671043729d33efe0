namespace CrossCoaching.Discord.Rest;

/// <summary>
/// What Discord said about one bucket: how many requests remain and when the window resets. Requests on a bucket go
/// one at a time through <see cref="Queue"/>, so each one sees the headers of the one before.
/// </summary>
internal sealed class RateLimitBucket
{
    private readonly Lock _sync = new();
    private int? _remaining;
    private DateTimeOffset _resetAt;

    /// <summary>Serializes the requests of the bucket (async waiters are released in arrival order).</summary>
    public SemaphoreSlim Queue { get; } = new(1, 1);

    /// <summary>Requests holding or waiting for the bucket; guarded by <see cref="RateLimitBuckets"/>.</summary>
    public int Users { get; set; }

    /// <summary>How long the next request must wait: until the reset when nothing remains, else not at all.</summary>
    public TimeSpan WaitTime(DateTimeOffset now)
    {
        lock (_sync)
            return _remaining <= 0 && _resetAt > now ? _resetAt - now : TimeSpan.Zero;
    }

    public bool IsLimited(DateTimeOffset now) => WaitTime(now) > TimeSpan.Zero;

    /// <summary>Records <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset-After</c> of a response.</summary>
    public void Update(int remaining, TimeSpan resetAfter, DateTimeOffset now)
    {
        lock (_sync)
        {
            _remaining = remaining;
            _resetAt = now + resetAfter;
        }
    }

    /// <summary>Closes the bucket for a while (a 429 on it), never shortening a longer wait already known.</summary>
    public void Block(TimeSpan wait, DateTimeOffset now)
    {
        lock (_sync)
        {
            _remaining = 0;
            if (now + wait > _resetAt)
                _resetAt = now + wait;
        }
    }
}
