namespace CrossCoaching.Hosting;

/// <summary>
/// One async lock per key (a session, a guild). On SQLite the bot is a single process (see InstanceLock), so these are
/// the cluster's locks there (Storage's InProcessClusterLocks); on PostgreSQL they queue one process's waiters for a key
/// in front of its advisory lock (PostgresClusterLocks). A key's lock
/// exists only while someone holds or waits for it: a process that runs for months over millions of sessions keeps
/// no lock per session it ever saw.
/// </summary>
public sealed class KeyedLock<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, Entry> _locks = [];
    private readonly Lock _sync = new();

    /// <summary>Keys locked or awaited right now.</summary>
    public int Count
    {
        get
        {
            lock (_sync)
                return _locks.Count;
        }
    }

    public async Task<IDisposable> AcquireAsync(TKey key, CancellationToken cancellationToken = default)
    {
        Entry entry;
        lock (_sync)
        {
            if (!_locks.TryGetValue(key, out entry!))
                _locks[key] = entry = new Entry();
            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, entry);
            throw;
        }

        return new Release(this, key, entry);
    }

    private void Leave(TKey key, Entry entry)
    {
        lock (_sync)
        {
            if (--entry.Users > 0)
                return;
            _locks.Remove(key);
        }

        entry.Gate.Dispose();
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Release(KeyedLock<TKey> owner, TKey key, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
                return;
            entry.Gate.Release();
            owner.Leave(key, entry);
        }
    }
}
