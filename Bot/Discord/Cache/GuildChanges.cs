namespace CrossCoaching.Discord.Cache;

/// <summary>
/// The guilds whose recorded state may be out of date: the cache marks a guild when an event changes what steps read of
/// it (<see cref="IGuildFacts"/>), and <see cref="GuildStateRecorder"/> takes the marks after a short wait, so a burst
/// of events on one guild costs one write. Marks are kept only when there are other instances to tell.
/// </summary>
public sealed class GuildChanges(IGuildStateStore? store = null) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _signal = new(0, 1);
    private Dictionary<Snowflake, bool> _marked = [];

    public bool Enabled { get; } = store?.Shared == true;

    /// <param name="removed">The bot left the guild (not an outage): its record goes.</param>
    public void Mark(Snowflake guildId, bool removed = false)
    {
        if (!Enabled)
            return;
        lock (_lock)
        {
            _marked[guildId] = removed;
            if (_signal.CurrentCount == 0)
                _signal.Release();
        }
    }

    /// <summary>Waits until a guild is marked.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);

    /// <summary>The guilds marked since the last call, each once, with whether it was removed.</summary>
    public IReadOnlyDictionary<Snowflake, bool> Take()
    {
        lock (_lock)
        {
            var taken = _marked;
            _marked = [];
            return taken;
        }
    }

    public void Dispose() => _signal.Dispose();
}
