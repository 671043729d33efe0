using CrossCoaching.Hosting;

namespace CrossCoaching.Storage;

/// <summary>
/// On SQLite, makes this process the only one running on the database, for the life of the process: two processes
/// would each run every session step (the scheduler's SQLite store cannot be clustered) and each own the in-process
/// locks, so the second refuses to start. It is an exclusive lock on <c>&lt;database&gt;.lock</c>, gone when the process
/// ends, even after a crash. On PostgreSQL several instances share the database (Quartz's clustered store, advisory
/// locks and row claims, see <see cref="IClusterLocks"/>): nothing is locked, the server is only reached once so that
/// a wrong address or password is said in one paragraph before anything else starts.
/// </summary>
public sealed class InstanceLock(SqliteConnectionFactory connections) : IStartupTask, IDisposable
{
    private FileStream? _lock;

    public string LockPath => connections.DatabasePath + ".lock";

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (connections.Provider == StorageProvider.Postgres)
        {
            await ReachPostgresAsync(cancellationToken);
            return;
        }

        PrivateFiles.CreateFolder(Path.GetDirectoryName(LockPath)!);
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock on Linux) that other processes see.
            _lock ??= new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            throw new StartupException(
                $"Another CrossCoaching process is already running on {connections.Description} " +
                $"(it holds {LockPath}). Two processes on one database would run every session step twice: stop the " +
                "other one first (when upgrading: stop the old version, then start the new one).");
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] // keeps Npgsql unloaded on SQLite
    private async Task ReachPostgresAsync(CancellationToken cancellationToken)
    {
        await using var session = new Npgsql.NpgsqlConnection(connections.ConnectionString);
        try
        {
            await session.OpenAsync(cancellationToken);
        }
        catch (Npgsql.NpgsqlException e)
        {
            // Npgsql's message names the server and the cause (refused, timeout, authentication), never the password.
            throw new StartupException(
                $"Could not open {connections.Description}: {e.Message}. Check ConnectionStrings__CrossCoaching and that " +
                "the server is up and lets this user in.");
        }
    }

    public void Dispose()
    {
        _lock?.Dispose();
    }
}
