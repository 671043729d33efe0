using System.Text.Json;
using CrossCoaching.Discord.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// Discord's rate limits on our side (https://discord.com/developers/docs/topics/rate-limits): one queue per bucket,
/// a wait when a bucket is spent, the global limit, and what a 429 asks for.
/// </summary>
internal sealed class RestRateLimiter(
    RateLimitBuckets buckets,
    GlobalRateLimiter global,
    [FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time,
    ILogger<RestRateLimiter> logger,
    DiscordMetrics? metrics = null,
    GlobalPauseChannel? otherInstances = null)
{
    /// <summary>
    /// Longer waits are honoured, not cut: sending earlier than Discord asks only earns another 429 and counts towards
    /// the invalid-request ban. They are logged as a warning because they stall whatever waits on them.
    /// </summary>
    private static readonly TimeSpan LongWait = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Added to every wait Discord asks for: its clock and ours tick apart, and a request that lands a millisecond
    /// early earns another 429 (which counts towards the invalid-request ban).
    /// </summary>
    internal static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(50);

    /// <summary>Used when a 429 says neither <c>retry_after</c> nor <c>Retry-After</c> (a proxy's page, say).</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>Queues behind the requests already on the route's bucket; dispose the result to let the next one go.</summary>
    public async Task<IDisposable> EnterAsync(RestRoute route, CancellationToken cancellationToken)
    {
        var bucket = buckets.Rent(route);
        try
        {
            await bucket.Queue.WaitAsync(cancellationToken);
        }
        catch
        {
            buckets.Return(bucket);
            throw;
        }
        return new Turn(buckets, bucket);
    }

    /// <summary>
    /// Waits until the bucket has room again and, for routes bound to it, for the global limit. Dispose the result once
    /// the answer (or the failure) is in.
    /// </summary>
    public async Task<IDisposable> WaitToSendAsync(RestRoute route, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        while ((wait = buckets.Current(route).WaitTime(time.GetUtcNow())) > TimeSpan.Zero)
        {
            logger.LogDebug("Discord {Route}: bucket spent, waiting {Wait} ms", route.Template, (long)wait.TotalMilliseconds);
            await Task.Delay(wait, time, cancellationToken);
        }
        return route.ExemptFromGlobalLimit ? NoSlot.Instance : await global.AcquireAsync(cancellationToken);
    }

    private sealed class NoSlot : IDisposable
    {
        public static readonly NoSlot Instance = new();

        public void Dispose()
        {
        }
    }

    /// <summary>Records what the response says about the bucket; for a 429, closes the bucket or all routes for the time asked.</summary>
    public void Observe(RestRoute route, RestResponse response)
    {
        var limits = response.Limits;
        if (limits.Bucket is { Length: > 0 } hash)
            buckets.LearnHash(route, hash);
        var now = time.GetUtcNow();
        var bucket = buckets.Current(route);
        if (limits is { Remaining: { } remaining, ResetAfter: { } resetAfter })
        {
            if (remaining <= 0)
                WarnIfLong(route, resetAfter, "bucket spent");
            bucket.Update(remaining, resetAfter + Margin, now);
        }
        if (response.Status != 429)
            return;

        var body = ReadRateLimited(response.Body);
        var retryAfter = (body?.RetryAfter is { } seconds and >= 0d and < 1e7 ? TimeSpan.FromSeconds(seconds) : limits.RetryAfter ?? DefaultRetryAfter) + Margin;
        var isGlobal = limits.Global || body?.Global == true;
        metrics?.RateLimited(route.Template, isGlobal);
        logger.LogWarning(
            "Discord rate-limited {Route} ({Scope}); retrying in {Wait} ms",
            route.Template, isGlobal ? "global" : "bucket", (long)retryAfter.TotalMilliseconds);
        WarnIfLong(route, retryAfter, "429");
        if (isGlobal && !route.ExemptFromGlobalLimit)
        {
            global.Pause(retryAfter);
            otherInstances?.Announce(retryAfter);
        }
        else
            bucket.Block(retryAfter, now);
    }

    private void WarnIfLong(RestRoute route, TimeSpan wait, string reason)
    {
        if (wait > LongWait)
            logger.LogWarning("Discord asks {Route} to wait {Seconds} s ({Reason}); honouring it", route.Template, (int)wait.TotalSeconds, reason);
    }

    private static RestRateLimited? ReadRateLimited(byte[] body)
    {
        try
        {
            return body.Length > 0 ? JsonSerializer.Deserialize(body, RestJsonContext.Default.RestRateLimited) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class Turn(RateLimitBuckets buckets, RateLimitBucket bucket) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
                return;
            bucket.Queue.Release();
            buckets.Return(bucket);
        }
    }
}
