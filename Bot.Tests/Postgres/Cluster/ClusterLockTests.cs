using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;

namespace CrossCoaching.Tests.Cluster;

/// <summary>The advisory locks of two instances (two lock pools, as two processes have) on one PostgreSQL database.</summary>
public sealed class ClusterLockTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_key_locked_by_one_instance_waits_on_the_other_until_it_is_released()
    {
        using var db = await TestDatabase.MigratedAsync();
        await using var a = new PostgresClusterLocks(db.Connections);
        await using var b = new PostgresClusterLocks(db.Connections);

        var held = await a.AcquireAsync(LockScope.Session, 42);
        var waiting = b.AcquireAsync(LockScope.Session, 42);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        // Another key, or the same number in another scope, is another lock.
        await (await b.AcquireAsync(LockScope.Session, 43).WaitAsync(Patience)).DisposeAsync();
        await (await b.AcquireAsync(LockScope.RoomGuild, 42).WaitAsync(Patience)).DisposeAsync();

        await held.DisposeAsync();
        await (await waiting.WaitAsync(Patience)).DisposeAsync();
        Assert.Equal(0, a.Count);
        Assert.Equal(0, b.Count);
    }

    [Fact]
    public async Task A_wait_given_up_leaves_the_lock_to_the_others()
    {
        using var db = await TestDatabase.MigratedAsync();
        await using var a = new PostgresClusterLocks(db.Connections);
        await using var b = new PostgresClusterLocks(db.Connections);
        var held = await a.AcquireAsync(LockScope.PairGuild, 5000);

        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b.AcquireAsync(LockScope.PairGuild, 5000, giveUp.Token));
        await held.DisposeAsync();

        await (await b.AcquireAsync(LockScope.PairGuild, 5000).WaitAsync(Patience)).DisposeAsync();
        await (await a.AcquireAsync(LockScope.PairGuild, 5000).WaitAsync(Patience)).DisposeAsync();
    }

    [Fact]
    public async Task A_lock_goes_with_the_connection_of_an_instance_that_died()
    {
        using var db = await TestDatabase.MigratedAsync();
        await using var b = new PostgresClusterLocks(db.Connections);
        await using var a = new PostgresClusterLocks(db.Connections);
        _ = await a.AcquireAsync(LockScope.Session, 7);

        // The process ends without releasing anything: its connection is gone (here: ended by the server), and the
        // server drops the session's locks with it.
        var (ns, key) = PostgresClusterLocks.Split(LockScope.Session, 7);
        await using (var admin = await db.Connections.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(admin,
                """
                SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND classid = @ns AND objid = @key AND objsubid = 2
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """, new { ns, key });
        }

        await (await b.AcquireAsync(LockScope.Session, 7).WaitAsync(Patience)).DisposeAsync();
    }
}
