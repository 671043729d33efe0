using CrossCoaching.Hosting;

namespace CrossCoaching.Sessions.Scheduling;

/// <summary>
/// The scheduler's own SQLite file that earlier versions kept beside the database (<c>crosscoaching.scheduler.db</c>):
/// on SQLite the scheduler now holds its triggers in memory and arms them from the database at every start, so the file
/// is removed rather than left to go stale (and to confuse a restore, which had to remove it by hand).
/// </summary>
public sealed class ObsoleteSchedulerFile(string path) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken = default)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            File.Delete(file);
        return Task.CompletedTask;
    }
}
