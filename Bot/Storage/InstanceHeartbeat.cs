using CrossCoaching.Discord.Rest;
using CrossCoaching.Hosting;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Storage;

/// <summary>
/// This instance's row in <c>instances</c>: written once migrations ran, its <c>seen_at</c> renewed every
/// <see cref="Every"/>, removed at a clean stop. An instance whose row is older than <see cref="DeadAfter"/> is dead;
/// the live ones remove its row, which frees its outbox claims (which would also run out by themselves). Advisory locks
/// need none of this: they go with the dead instance's connections. The table also tells the operator, and the shard
/// leases, who is alive. On PostgreSQL each heartbeat also counts the live instances, which split Discord's global
/// rate limit (<see cref="GlobalShare"/>).
/// </summary>
public sealed class InstanceHeartbeat(
    SqliteConnectionFactory connections, InstanceIdentity instance, TimeProvider time, ILogger<InstanceHeartbeat> logger, GlobalShare? share = null)
    : BackgroundService, IStartupTask
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DeadAfter = TimeSpan.FromMinutes(1);

    /// <summary>After the migrations (registered after them): the table exists.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var work = await connections.BeginAsync(cancellationToken);
        // On SQLite this is the only process (InstanceLock): any other row is a process that stopped without removing it.
        await work.ExecuteAsync(connections.Provider == StorageProvider.Sqlite ? "DELETE FROM instances" : "DELETE FROM instances WHERE seen_at < @dead",
            new { dead = now - DeadAfter });
        await work.ExecuteAsync(
            "INSERT INTO instances (id, started_at, seen_at) VALUES (@Id, @now, @now) ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at, seen_at = excluded.seen_at",
            new { instance.Id, now });
        await work.CommitAsync(cancellationToken);
        logger.LogInformation("Running as instance {Instance}", instance.Id);
        if (connections.Provider == StorageProvider.Postgres && share is not null)
        {
            share.Joined();
            await using var connection = await connections.OpenAsync(cancellationToken);
            await CountLiveAsync(connection, time.GetUtcNow());
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var connection = await connections.OpenAsync(stoppingToken);
                    var now = time.GetUtcNow();
                    await connection.ExecuteAsync(
                        "INSERT INTO instances (id, started_at, seen_at) VALUES (@Id, @now, @now) ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at",
                        new { instance.Id, now });
                    await connection.ExecuteAsync("DELETE FROM instances WHERE seen_at < @dead", new { dead = now - DeadAfter });
                    if (connections.Provider == StorageProvider.Postgres)
                        await CountLiveAsync(connection, time.GetUtcNow());
                }
                catch (System.Data.Common.DbException e)
                {
                    logger.LogWarning(e, "Could not renew instance {Instance}'s heartbeat; trying again in {Every}", instance.Id, Every);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The live instances, this one included, for this instance's share of the global rate limit.</summary>
    private async Task CountLiveAsync(System.Data.Common.DbConnection connection, DateTimeOffset now)
    {
        if (share is null)
            return;
        var live = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM instances WHERE seen_at >= @alive", new { alive = now - DeadAfter });
        share.Counted((int)live);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await connection.ExecuteAsync("DELETE FROM instances WHERE id = @Id", new { instance.Id });
        }
        catch (System.Data.Common.DbException e)
        {
            logger.LogWarning(e, "Could not remove instance {Instance}'s row at stop; it expires by itself", instance.Id);
        }
    }
}
