using System.Globalization;
using CrossCoaching.Storage;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CrossCoaching.Sessions.Scheduling;

/// <summary>
/// Keeps the scheduler holding every pending step due within the near horizon, and nothing further: each top-up arms
/// the steps due between the last mark and the new end of the horizon, then moves the mark. The mark is stored in the
/// scheduler's own store, beside the triggers it vouches for: on PostgreSQL a restart goes on from it (arming only what
/// came within reach meanwhile); on SQLite that store is in memory, so each start has neither mark nor triggers and
/// arms everything within the horizon again (<see cref="HorizonAtStart"/>) — arming keeps a trigger already there, so
/// never twice.
/// </summary>
public sealed class StepHorizon(ISchedulerFactory schedulers, DueSteps due, SessionScheduler scheduler, IClusterLocks locks, TimeProvider time, ILogger<StepHorizon> logger)
{
    private static readonly JobKey Mark = new("planned-until", "step-horizon");
    private const string Until = "until";

    /// <summary>
    /// At most this many steps armed by one top-up, so that one reconcile pass stays short; far above what a pass needs
    /// once the horizon is filled (a two-minute slice of it).
    /// </summary>
    public const int MaxPerTopUp = 500;

    /// <summary>Arms what came within the horizon since the last top-up; returns how many steps it armed.</summary>
    public async Task<int> TopUpAsync(CancellationToken cancellationToken = default)
    {
        // One top-up at a time on the cluster: the mark is read, then moved, by one instance.
        await using (await locks.AcquireAsync(LockScope.Horizon, 0, cancellationToken))
        {
            var store = await schedulers.GetScheduler(cancellationToken);
            var until = scheduler.HorizonEnd;
            // Without a mark, steps already overdue are the reconciler's to run: the horizon starts now.
            var after = await PlannedUntilAsync(store, cancellationToken) ?? time.GetUtcNow();
            if (until <= after)
                return 0;
            var steps = await due.BetweenAsync(after, until, cancellationToken);
            if (steps.Count > MaxPerTopUp)
            {
                // A first start on a large database (or a lost scheduler store) has thousands to arm: the nearest go
                // first, up to a due time so that steps sharing it go together, and the mark stops there; the next pass goes on. Steps due before then are re-armed by the reconciler's
                // due-soon check, so none waits on this.
                var last = steps[MaxPerTopUp - 1].DueAt;
                steps = [.. steps.TakeWhile(s => s.DueAt <= last)];
                until = last;
            }

            var armed = await scheduler.ArmAsync(steps, cancellationToken);
            await store.AddJob(JobBuilder.Create<HorizonMark>().WithIdentity(Mark).StoreDurably()
                .UsingJobData(Until, until.ToString("O", CultureInfo.InvariantCulture)).Build(), AddJobOptions.Replacing, cancellationToken);
            if (armed > 0)
                logger.LogInformation("Armed {Count} session steps due by {Until}", armed, until);
            return armed;
        }
    }

    /// <summary>Up to when the scheduler holds every pending step, or null when it never said (a new process on SQLite, a new or lost scheduler store).</summary>
    public async Task<DateTimeOffset?> PlannedUntilAsync(CancellationToken cancellationToken = default) =>
        await PlannedUntilAsync(await schedulers.GetScheduler(cancellationToken), cancellationToken);

    private static async Task<DateTimeOffset?> PlannedUntilAsync(IScheduler store, CancellationToken cancellationToken) =>
        await store.GetJobDetail(Mark, cancellationToken) is { } mark && mark.JobDataMap.TryGetString(Until, out var text) && text is not null
            ? DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture)
            : null;

    /// <summary>Never fires: a durable job without a trigger, kept only for the mark in its data.</summary>
    private sealed class HorizonMark : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
