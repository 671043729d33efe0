using CrossCoaching.Hosting;
using Npgsql;

namespace CrossCoaching.Storage;

/// <summary>
/// Cluster-wide locks on PostgreSQL: <c>pg_advisory_lock(namespace, key)</c>, a session-level advisory lock held by a
/// connection kept for the lock's scope, and released by <c>pg_advisory_unlock</c> (or by the server when the process
/// dies: its sessions end, and their locks with them). The namespace (two ints: "CC" and the scope) keeps these apart
/// from the bot's 64-bit keys (<see cref="WriteTransactions"/>) and from other applications' locks.
/// <para>
/// Connections: waiters for a key inside one process queue on an in-process lock first, so a process holds at most
/// one connection per key locked or awaited; the lock connections come from a pool of their own of at most
/// <see cref="MaxConnections"/>, apart from the pool of work connections, so holders never starve the work they do
/// under the lock.
/// </para>
/// </summary>
public sealed class PostgresClusterLocks : IClusterLocks, IAsyncDisposable, IDisposable
{
    /// <summary>
    /// At most this many connections hold or await a lock in one process: the scheduler runs 16 steps at once, each
    /// holding a session's lock and, while it makes a room, its guild's; the rest is for buttons and the reconciler.
    /// </summary>
    public const int MaxConnections = 40;

    private const int Namespace = 0x4343_0000; // "CC"
    private readonly KeyedLock<(LockScope, long)> _local = new();
    private readonly NpgsqlDataSource _source;

    public PostgresClusterLocks(SqliteConnectionFactory connections)
    {
        var builder = new NpgsqlConnectionStringBuilder(connections.ConnectionString)
        {
            MaxPoolSize = MaxConnections,
            // A lock may be awaited for as long as its holder works (a guild's rooms made one by one at Discord's pace):
            // no command timeout, cancellation instead; a pool full for a minute fails the caller, retried later.
            CommandTimeout = 0,
            Timeout = 60,
            ApplicationName = "CrossCoaching locks",
        };
        _source = NpgsqlDataSource.Create(builder);
    }

    public int Count => _local.Count;

    /// <summary>The two ints of PostgreSQL's lock: a 64-bit key is folded to 32 bits (session ids below 2^31 stay as they are).</summary>
    public static (int Namespace, int Key) Split(LockScope scope, long key) => (Namespace + (int)scope, unchecked((int)(key ^ (key >>> 32))));

    public async Task<IAsyncDisposable> AcquireAsync(LockScope scope, long key, CancellationToken cancellationToken = default)
    {
        var local = await _local.AcquireAsync((scope, key), cancellationToken);
        var (ns, k) = Split(scope, key);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@ns, @key)", connection);
            command.Parameters.AddWithValue("ns", ns);
            command.Parameters.AddWithValue("key", k);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Held(local, connection, ns, k);
        }
        catch
        {
            // Cancelled or failed half-way: the lock may have been granted, so the connection is closed, not pooled.
            if (connection is not null)
                await DiscardAsync(connection);
            local.Dispose();
            throw;
        }
    }

    private static async ValueTask DiscardAsync(NpgsqlConnection connection)
    {
        // Busy connections opened before ClearPool are closed when returned, ending their session and its locks.
        NpgsqlConnection.ClearPool(connection);
        await connection.DisposeAsync();
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    public void Dispose() => _source.Dispose();

    private sealed class Held(IDisposable local, NpgsqlConnection connection, int ns, int key) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
                return;
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@ns, @key)", connection);
                command.Parameters.AddWithValue("ns", ns);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
                await connection.DisposeAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                await DiscardAsync(connection);
            }
            finally
            {
                local.Dispose();
            }
        }
    }
}
