using CrossCoaching.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions.Scheduling;

/// <summary>
/// On SQLite the scheduler holds its triggers in memory, so a new process has none. Before the host starts (and with
/// it the scheduler and the gateway), this arms from the database every step within the near horizon and every step
/// already due: the scheduler then finds at its start what the durable store kept across a crash, and its misfire rules
/// decide as they did there (an opening or a close fires at once however late; a reminder or a warning later than
/// <see cref="StepTriggers.MisfireThreshold"/> is left to the reconciler, whose runner drops it when obsolete). The
/// overdue steps run side by side on the scheduler's threads at its start, not one after the other in the reconciler's
/// first pass, behind whatever that pass does first.
/// </summary>
public sealed class HorizonAtStart(DueSteps due, SessionScheduler scheduler, StepHorizon horizon, TimeProvider time, ILogger<HorizonAtStart> logger)
    : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        // The horizon first (it starts at its own "now"), then what is due by a later "now": no step falls between.
        var near = 0;
        int armed;
        do
        {
            // A top-up stops at StepHorizon.MaxPerTopUp steps to keep a reconcile pass short; here nothing waits on it.
            armed = await horizon.TopUpAsync(cancellationToken);
            near += armed;
        }
        while (armed > 0 && await horizon.PlannedUntilAsync(cancellationToken) < scheduler.HorizonEnd);

        var overdue = await scheduler.ArmAsync(await due.OverdueAsync(time.GetUtcNow(), cancellationToken), cancellationToken);
        logger.LogInformation("Armed at start from the database: {Overdue} steps already due, {Near} due within the horizon", overdue, near);
    }
}
