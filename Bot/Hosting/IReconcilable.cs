namespace CrossCoaching.Hosting;

/// <summary>
/// A feature's periodic repair: compare the database with reality (the clock, the scheduler, Discord) and fix what
/// drifted. Run at start and every few minutes; must be idempotent and cheap when nothing drifted.
/// </summary>
public interface IReconcilable
{
    Task ReconcileAsync(CancellationToken cancellationToken = default);
}
