namespace CrossCoaching.Hosting;

/// <summary>What one pass of a reconciler part reads: what changed since <see cref="Since"/>, or everything when it is null.</summary>
public readonly record struct ReconcilePass(DateTimeOffset Now, DateTimeOffset? Since)
{
    public bool IsFullSweep => Since is null;
}

/// <summary>
/// Lets a reconciler part read what changed since its last pass instead of every row it watches, so that a pass costs
/// what changed and not the size of the community. A full sweep still runs at the first pass of the process and then
/// every <see cref="FullSweepEvery"/>: a change the narrow reads cannot see (a row written by hand, a crash between two
/// writes that leaves no trace in the columns they read) waits at most that long. Each pass reaches back
/// <see cref="Overlap"/> before the last one began, for changes stamped before it and committed after it read, and for
/// clocks of several instances that differ a little. A pass that failed is not recorded, so the next one reads from the
/// same point.
/// </summary>
public sealed class ReconcilerWindow(TimeProvider time)
{
    public static readonly TimeSpan FullSweepEvery = TimeSpan.FromHours(24);

    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private DateTimeOffset? _lastPass, _lastFullSweep;

    public ReconcilePass Begin()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var full = _lastPass is not { } last || _lastFullSweep is not { } sweep || now - sweep >= FullSweepEvery || now < last;
            return new ReconcilePass(now, full ? null : _lastPass - Overlap);
        }
    }

    public void Completed(ReconcilePass pass)
    {
        lock (_gate)
        {
            _lastPass = pass.Now;
            if (pass.IsFullSweep)
                _lastFullSweep = pass.Now;
        }
    }
}
