using CrossCoaching.Hosting;

namespace CrossCoaching.Storage;

/// <summary>
/// Holds an exclusive lock on <c>&lt;database&gt;.lock</c> for the life of the process. Two processes on one
/// database would each run the scheduled session steps (Quartz cannot cluster on SQLite), so the second refuses to
/// start. The operating system releases the lock when the process ends, even after a crash.
/// </summary>
public sealed class InstanceLock(SqliteConnectionFactory connections) : IStartupTask, IDisposable
{
    private FileStream? _lock;

    public string LockPath => connections.DatabasePath + ".lock";

    public Task RunAsync(CancellationToken cancellationToken = default)
    {
        PrivateFiles.CreateFolder(Path.GetDirectoryName(LockPath)!);
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock on Linux) that other processes see.
            _lock ??= new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            throw new StartupException(
                $"Another CrossCoaching process is already running on the database {connections.DatabasePath} " +
                $"(it holds {LockPath}). Two processes on one database would run every session step twice: stop the " +
                "other one first (when upgrading: stop the old version, then start the new one).");
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _lock?.Dispose();
}
