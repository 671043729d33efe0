using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Hosting;

/// <summary>
/// Runs every <see cref="IReconcilable"/> at start and then every <c>Sessions__ReconcileMinutes</c>: timers alone are
/// not trusted, so a crash, a lost trigger or a room deleted by hand can delay a step but never lose it. Every instance
/// runs passes; each part runs under its cluster lock (<see cref="LockScope.Reconcile"/>), so two instances never run
/// the same part at once (one runs it after the other, which is what a single instance does at its next pass).
/// </summary>
public sealed class Reconciler(IServiceProvider services, IClusterLocks locks, IOptions<SessionOptions> options, TimeProvider time, ILogger<Reconciler> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>One pass over every feature; concurrent calls wait for each other.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await _running.WaitAsync(cancellationToken);
        var start = time.GetTimestamp();
        try
        {
            foreach (var part in services.GetServices<IReconcilable>())
            {
                var partStart = time.GetTimestamp();
                try
                {
                    await using var _ = await locks.AcquireAsync(LockScope.Reconcile, LockKeys.Of(part.GetType().FullName!), cancellationToken);
                    await part.ReconcileAsync(cancellationToken);
                    logger.LogDebug("Reconciling {Part} took {Milliseconds:0} ms", part.GetType().Name, time.GetElapsedTime(partStart).TotalMilliseconds);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Reconciling {Part} failed; the next pass tries again", part.GetType().Name);
                }
            }
        }
        finally
        {
            _running.Release();
            logger.LogDebug("Reconcile pass took {Milliseconds:0} ms", time.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.ReconcileMinutes), time);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _running.Dispose();
        base.Dispose();
    }
}
