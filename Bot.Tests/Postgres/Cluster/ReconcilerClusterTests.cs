using CrossCoaching.Hosting;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Cluster;

/// <summary>
/// Every instance runs reconciler passes. Some parts would act twice if two instances ran them at once (resuming a
/// paused ritual tells the partners with a fresh notice each time; starting a pair's next round), so each part runs
/// under its cluster lock: one instance after the other, as one instance's next pass would.
/// </summary>
public sealed class ReconcilerClusterTests
{
    [Fact]
    public async Task Two_instances_never_run_the_same_reconciler_part_at_once()
    {
        await using var two = await TwoInstances.StartAsync(Monday);
        var part = new SlowPart();
        var reconcilers = two.Both.Select(h => new Reconciler(new Parts(part), h.Get<IClusterLocks>(), h.Get<IOptions<SessionOptions>>(), h.Time,
            NullLogger<Reconciler>.Instance)).ToList();

        await Task.WhenAll(reconcilers.Select(r => Task.Run(() => r.RunOnceAsync())));

        Assert.Equal(2, part.Runs);
        Assert.Equal(1, part.MostAtOnce);
    }

    private sealed class SlowPart : IReconcilable
    {
        private int _running, _runs, _mostAtOnce;

        public int Runs => _runs;

        public int MostAtOnce => _mostAtOnce;

        public async Task ReconcileAsync(CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref _running);
            InterlockedMax(ref _mostAtOnce, now);
            await Task.Delay(300, cancellationToken);
            Interlocked.Decrement(ref _running);
            Interlocked.Increment(ref _runs);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    /// <summary>A container holding only the given parts (the lock is keyed by the part's type, as in the bot).</summary>
    private sealed class Parts(params IReconcilable[] parts) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(IEnumerable<IReconcilable>) ? parts : null;
    }
}
