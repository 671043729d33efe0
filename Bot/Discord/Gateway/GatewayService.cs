using CrossCoaching.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// Runs the gateway while the host runs, in one of three ways: one session (the default: unsharded, or the shard
/// <c>Discord__ShardId</c> pins), every shard of <c>Discord__ShardCount</c> in this process (one process on SQLite), or
/// the shards shared by the instances on PostgreSQL through leases (<see cref="ShardLeaser"/>), their count from
/// <c>Discord__ShardCount</c> or else <c>GET /gateway/bot</c>'s <c>shards</c>. On stop each session closes its
/// connection with 1000, which ends the Discord session: right for a clean stop, and the next start identifies anew.
/// </summary>
internal sealed class GatewayService(
    GatewaySession single,
    GatewayShards shards,
    GatewaySessionFactory sessions,
    IOptions<DiscordOptions> options,
    IDiscordApi api,
    InstanceIdentity instance,
    [FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time,
    ILoggerFactory loggers,
    IShardLeaseStore? leases = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var configured = options.Value;
        if (configured.ShardId is not null || (leases is not { Shared: true } && configured.ShardCount is null))
        {
            var run = shards.Start(single, until: null, stoppingToken);
            shards.Settle();
            await run;
            return;
        }

        if (leases is not { Shared: true })
        {
            var count = configured.ShardCount!.Value;
            var runs = Enumerable.Range(0, count).Select(id => shards.Start(sessions.Create(new GatewayShard(id, count)), until: null, stoppingToken)).ToList();
            shards.Settle();
            await Task.WhenAll(runs);
            return;
        }

        var shardCount = configured.ShardCount ?? await RecommendedShardsAsync(stoppingToken);
        if (shardCount is not { } total)
            return;
        var leaser = new ShardLeaser(leases, shards, shard => sessions.Create(shard), instance,
            TimeSpan.FromSeconds(configured.ShardLeaseSeconds), time, loggers.CreateLogger<ShardLeaser>());
        await leaser.RunAsync(total, stoppingToken);
    }

    /// <summary>Discord's recommendation, asked until it answers (every instance asks, and gets the same number).</summary>
    private async Task<int?> RecommendedShardsAsync(CancellationToken stopping)
    {
        var logger = loggers.CreateLogger<GatewayService>();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var shards = Math.Max(1, (await api.GetGatewayBotAsync(stopping)).RecommendedShards);
                logger.LogInformation("Discord recommends {Shards} shards (GET /gateway/bot); set Discord__ShardCount to choose", shards);
                return shards;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not ask Discord how many shards to run ({Reason}); asking again in 5 s", e.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
        }

        return null;
    }
}
