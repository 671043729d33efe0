using CrossCoaching.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Storage;

/// <summary>What a lock guards; the same key in two scopes is two locks.</summary>
public enum LockScope
{
    /// <summary>A session (its id): every step, button and command that changes it.</summary>
    Session = 1,

    /// <summary>Room creation in a guild (its id), the choice of category and the removal of overflow categories.</summary>
    RoomGuild = 2,

    /// <summary>Pair formation in a guild (its id): crossing invitations form one pair.</summary>
    PairGuild = 3,

    /// <summary>A session's takeaways (its id) while they are revealed.</summary>
    Takeaway = 4,

    /// <summary>A member's "I'll be late" on a session (<see cref="LockKeys.Of(long, long)"/> of both).</summary>
    LateNotice = 5,

    /// <summary>Pool matching in a guild (its id).</summary>
    PoolGuild = 6,

    /// <summary>One part of the reconciler (<see cref="LockKeys.Of(string)"/> of its name): one pass at a time on the cluster.</summary>
    Reconcile = 7,

    /// <summary>The scheduler's horizon top-up (key 0).</summary>
    Horizon = 8,
}

/// <summary>
/// Locks that hold across every instance on the database. On SQLite there is one process (see <see cref="InstanceLock"/>),
/// so an in-process lock per key is the whole story; on PostgreSQL a session advisory lock (see
/// <see cref="PostgresClusterLocks"/>). A lock is held until the returned handle is disposed; it is not re-entrant.
/// </summary>
public interface IClusterLocks
{
    /// <summary>Keys this process holds or awaits right now (none once the work is done).</summary>
    int Count { get; }

    Task<IAsyncDisposable> AcquireAsync(LockScope scope, long key, CancellationToken cancellationToken = default);
}

/// <summary>Keys made of something other than one number, the same in every process (never <see cref="HashCode"/>).</summary>
public static class LockKeys
{
    public static long Of(long first, long second) => unchecked((first * -7046029254386353131L) ^ second);

    /// <summary>FNV-1a of the name.</summary>
    public static long Of(string name)
    {
        var hash = unchecked((long)14695981039346656037UL);
        foreach (var c in name)
            hash = unchecked((hash ^ c) * 1099511628211L);
        return hash;
    }
}

/// <summary>One process on the database: one async lock per (scope, key), as before there was a cluster.</summary>
public sealed class InProcessClusterLocks : IClusterLocks
{
    private readonly KeyedLock<(LockScope, long)> _locks = new();

    /// <summary>Keys locked or awaited right now.</summary>
    public int Count => _locks.Count;

    public async Task<IAsyncDisposable> AcquireAsync(LockScope scope, long key, CancellationToken cancellationToken = default) =>
        new Held(await _locks.AcquireAsync((scope, key), cancellationToken));

    private sealed class Held(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

public static class ClusterLocksSetup
{
    /// <summary>The provider's locks: PostgreSQL advisory locks, or in-process ones on SQLite.</summary>
    public static IServiceCollection AddClusterLocks(this IServiceCollection services)
    {
        services.AddSingleton<IClusterLocks>(sp => sp.GetRequiredService<SqliteConnectionFactory>().Provider == StorageProvider.Postgres
            ? new PostgresClusterLocks(sp.GetRequiredService<SqliteConnectionFactory>())
            : new InProcessClusterLocks());
        return services;
    }
}
