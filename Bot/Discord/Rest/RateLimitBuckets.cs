using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// Finds the bucket of a route. Discord names buckets with the <c>X-RateLimit-Bucket</c> hash, learned per route
/// template from responses; a bucket is that hash plus the major parameter (channel, guild, webhook). Until the hash of
/// a route is known, the route template stands in for it.
/// </summary>
internal sealed class RateLimitBuckets([FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time)
{
    /// <summary>How often idle buckets are forgotten (keys hold channel ids and interaction tokens, so they pile up).</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _sync = new();
    private readonly Dictionary<string, string> _hashByRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private DateTimeOffset _lastSweep = time.GetUtcNow();

    /// <summary>Number of buckets remembered; for tests.</summary>
    public int Count
    {
        get
        {
            lock (_sync)
                return _buckets.Count;
        }
    }

    /// <summary>The bucket of the route, marked in use until <see cref="Return"/>.</summary>
    public RateLimitBucket Rent(RestRoute route)
    {
        lock (_sync)
        {
            SweepIfDue();
            var bucket = Find(route);
            bucket.Users++;
            return bucket;
        }
    }

    public void Return(RateLimitBucket bucket)
    {
        lock (_sync)
            bucket.Users--;
    }

    /// <summary>The bucket the route maps to now (after a hash was learned it may differ from the rented one).</summary>
    public RateLimitBucket Current(RestRoute route)
    {
        lock (_sync)
            return Find(route);
    }

    /// <summary>
    /// Learns the route's hash from <c>X-RateLimit-Bucket</c>. The buckets already kept under the route template carry
    /// on under the hash: requests queued on them and requests arriving now must share one queue, or two queues would
    /// feed one Discord bucket at once and overrun it.
    /// </summary>
    public void LearnHash(RestRoute route, string hash)
    {
        lock (_sync)
        {
            var known = _hashByRoute.GetValueOrDefault(route.Template, route.Template);
            if (known == hash)
                return;
            _hashByRoute[route.Template] = hash;
            var prefix = $"{known}|";
            foreach (var (key, bucket) in _buckets.Where(b => b.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList())
                _buckets.TryAdd($"{hash}|{key[prefix.Length..]}", bucket);
        }
    }

    private RateLimitBucket Find(RestRoute route)
    {
        var hash = _hashByRoute.GetValueOrDefault(route.Template, route.Template);
        var key = $"{hash}|{route.MajorParameter}";
        if (!_buckets.TryGetValue(key, out var bucket))
            _buckets[key] = bucket = new RateLimitBucket();
        return bucket;
    }

    private void SweepIfDue()
    {
        var now = time.GetUtcNow();
        if (now - _lastSweep < SweepInterval)
            return;
        _lastSweep = now;
        foreach (var (key, bucket) in _buckets.ToList())
        {
            // A bucket nobody uses and that is not waiting for a reset holds nothing worth keeping.
            if (bucket.Users == 0 && !bucket.IsLimited(now))
                _buckets.Remove(key);
        }
    }
}
