using CrossCoaching.Storage;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// Shares the shards among the instances on one database. Every <see cref="RenewEvery"/> (a quarter of the lease) an
/// instance says it is alive, renews its leases, then takes free or expired ones up to its fair share (the shard count
/// divided by the live instances, rounded up) or gives back what is over it. A lease it fails to renew (taken over,
/// expired) closes that shard at once; a lease it cannot renew at all (database unreachable) closes its shard when it
/// expires, before anyone may take it. A dead instance's leases expire within <see cref="Ttl"/>, and the others take
/// them at their next pass: within Ttl + RenewEvery (50 s with the default 40 s lease).
/// </summary>
public sealed class ShardLeaser(
    IShardLeaseStore store,
    GatewayShards shards,
    Func<GatewayShard, GatewaySession> createSession,
    InstanceIdentity instance,
    TimeSpan ttl,
    TimeProvider time,
    ILogger<ShardLeaser> logger)
{
    public TimeSpan Ttl => ttl;

    public TimeSpan RenewEvery => ttl / 4;

    public async Task RunAsync(int shardCount, CancellationToken stopping)
    {
        logger.LogInformation("Sharing {Count} shards with the other instances as {Instance} (lease {Ttl:0} s)", shardCount, instance.Id, ttl.TotalSeconds);
        try
        {
            while (true)
            {
                var started = time.GetUtcNow();
                try
                {
                    await PassAsync(shardCount, stopping);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    logger.LogWarning("Could not renew the shard leases ({Reason}); a shard whose lease expires meanwhile closes", e.Message);
                }

                shards.Settle();
                await GatewayTime.DelayUntilAsync(time, started + RenewEvery, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            await shards.StopAllAsync();
            await LeaveAsync();
        }
    }

    /// <summary>One pass: alive, renew, then take or give back. Public for tests, which drive passes one by one.</summary>
    public async Task PassAsync(int shardCount, CancellationToken stopping)
    {
        var now = time.GetUtcNow();
        var expires = now + ttl;
        var live = Math.Max(1, await store.CheckInAsync(instance.Id, now, now - ttl, stopping));
        foreach (var id in shards.RunningIds)
        {
            if (await store.RenewAsync(id, instance.Id, now, expires, stopping))
                shards.Extend(id, expires);
            else
            {
                logger.LogWarning("Lost the lease of shard {Shard}; closing its connection", id);
                await shards.StopAsync(id);
            }
        }

        var share = (shardCount + live - 1) / live;
        var held = shards.RunningIds;
        foreach (var extra in held.OrderDescending().Take(held.Count - share))
        {
            // Closed before it is given back: the instance that takes it never connects beside this one.
            logger.LogInformation("Giving shard {Shard} back: {Live} instances share {Count} shards", extra, live, shardCount);
            await shards.StopAsync(extra);
            await store.ReleaseAsync(extra, instance.Id, stopping);
        }

        if (held.Count >= share)
            return;
        foreach (var id in await store.FreeAsync(shardCount, now, stopping))
        {
            if (shards.RunningIds.Count >= share)
                break;
            if (shards.RunningIds.Contains(id) || !await store.TryTakeAsync(id, shardCount, instance.Id, now, expires, stopping))
                continue;
            logger.LogInformation("Took the lease of shard {Shard} of {Count}", id, shardCount);
            _ = shards.Start(createSession(new GatewayShard(id, shardCount)), expires, stopping);
        }
    }

    private async Task LeaveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await store.LeaveAsync(instance.Id, timeout.Token);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not give the shard leases back on stopping ({Reason}); they expire by themselves", e.Message);
        }
    }
}
