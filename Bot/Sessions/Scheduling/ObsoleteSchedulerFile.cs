using CrossCoaching.Hosting;

namespace CrossCoaching.Sessions.Scheduling;

/// <summary>
/// The scheduler's own SQLite file that earlier versions kept beside the database: every trigger in it is one the
/// reconciler arms again from the database, so it is removed at start rather than left to go stale (and to confuse a
/// restore, which had to remove it by hand).
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
