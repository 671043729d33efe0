using CrossCoaching.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// Discord starts at most <c>max_concurrency</c> sessions per 5 s, one per bucket <c>shard_id % max_concurrency</c>,
/// and answers a faster IDENTIFY with an invalid session (https://discord.com/developers/docs/events/gateway#max-concurrency).
/// The shards of this process take turns here; with a shared database the bucket is also claimed in a row, so the
/// shards of every instance take turns.
/// </summary>
public sealed class IdentifyGate(
    InstanceIdentity instance,
    [FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time,
    ILogger<IdentifyGate> logger,
    IShardLeaseStore? store = null)
{
    /// <summary>Discord's 5 s, and a second more: the IDENTIFY goes out after the connection opens, not at the claim.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(6);

    private readonly Lock _lock = new();
    private readonly Dictionary<int, DateTimeOffset> _next = [];

    public static int Bucket(int shardId, int maxConcurrency) => shardId % Math.Max(1, maxConcurrency);

    /// <summary>Returns once this shard may IDENTIFY: its bucket had no IDENTIFY, here or elsewhere, for <see cref="Window"/>.</summary>
    public async Task WaitTurnAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        var bucket = Bucket(shardId, maxConcurrency);
        while (true)
        {
            var now = time.GetUtcNow();
            DateTimeOffset? busyUntil;
            lock (_lock)
            {
                busyUntil = _next.TryGetValue(bucket, out var next) && next > now ? next : null;
                if (busyUntil is null)
                    _next[bucket] = now + Window;
            }

            if (busyUntil is null && store is { Shared: true })
            {
                busyUntil = await store.TryClaimIdentifyAsync(bucket, instance.Id, now, now + Window, cancellationToken);
                if (busyUntil is { } other)
                    lock (_lock)
                        _next[bucket] = other; // another instance identifies in this bucket; ours waits for it
            }

            if (busyUntil is not { } until)
                return;
            logger.LogDebug("Shard {Shard} waits {Wait:0.#} s for its IDENTIFY turn (bucket {Bucket})", shardId, (until - now).TotalSeconds, bucket);
            await GatewayTime.DelayUntilAsync(time, until, cancellationToken);
        }
    }
}
