using CrossCoaching.Hosting;
using Dapper;

namespace CrossCoaching.Storage;

/// <summary>
/// Makes this process the only one running on the database, for the life of the process: two processes would each
/// connect the gateway and each own the in-process locks, so the second refuses to start. On SQLite it is an exclusive
/// lock on <c>&lt;database&gt;.lock</c>; on PostgreSQL a session advisory lock held by a connection kept for the
/// purpose. Either way the lock goes when the process ends, even after a crash (the server drops a dead client's
/// session, and with it the lock).
/// </summary>
public sealed class InstanceLock(SqliteConnectionFactory connections) : IStartupTask, IDisposable
{
    private FileStream? _lock;
    private System.Data.Common.DbConnection? _session; // Npgsql's, typed so that SQLite never loads Npgsql

    public string LockPath => connections.DatabasePath + ".lock";

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (connections.Provider == StorageProvider.Postgres)
        {
            await LockPostgresAsync(cancellationToken);
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
    private async Task LockPostgresAsync(CancellationToken cancellationToken)
    {
        if (_session is not null)
            return;
        // Not from the pool: closing this connection ends the session, and the lock with it.
        var session = new Npgsql.NpgsqlConnection(
            new Npgsql.NpgsqlConnectionStringBuilder(connections.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await session.OpenAsync(cancellationToken);
        }
        catch (Npgsql.NpgsqlException e)
        {
            await session.DisposeAsync();
            // Npgsql's message names the server and the cause (refused, timeout, authentication), never the password.
            throw new StartupException(
                $"Could not open {connections.Description}: {e.Message}. Check ConnectionStrings__CrossCoaching and that " +
                "the server is up and lets this user in.");
        }
        if (!await session.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(@key)", new { key = WriteTransactions.InstanceLockKey }))
        {
            await session.DisposeAsync();
            throw new StartupException(
                $"Another CrossCoaching process is already running on {connections.Description} (it holds the " +
                "database's instance lock). Until instances share the Discord shards, one process serves a database: " +
                "stop the other one first (when upgrading: stop the old version, then start the new one).");
        }

        _session = session;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _session?.Dispose();
    }
}
