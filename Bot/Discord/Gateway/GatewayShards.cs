using CrossCoaching.Discord.Cache;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// The gateway sessions this process runs, one per shard, all feeding the same dispatcher (and so the same cache and
/// features). A session started under a lease stops by itself when the lease's expiry passes unrenewed, so a process
/// that can no longer reach the database never keeps a shard another instance may have taken.
/// </summary>
public sealed class GatewayShards(
    [FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time,
    ILogger<GatewayShards> logger,
    GuildCache? cache = null) : IGatewayStatus
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Running> _running = [];
    private volatile bool _settled;

    public IReadOnlyList<ShardStatus> Shards
    {
        get
        {
            lock (_lock)
                return [.. _running.Values.OrderBy(r => r.Id).Select(r => new ShardStatus(r.Id, r.Session.Connected))];
        }
    }

    /// <summary>False until this process knows which shards it runs (the first lease pass): not ready before.</summary>
    public bool Settled => _settled;

    public IReadOnlyList<int> RunningIds
    {
        get
        {
            lock (_lock)
                return [.. _running.Keys.Order()];
        }
    }

    public void Settle() => _settled = true;

    /// <summary>The running session that speaks for the guild (its shard, or the one unsharded session); null when none here does.</summary>
    public GatewaySession? SessionFor(Snowflake guildId)
    {
        lock (_lock)
            return _running.Values.Select(r => r.Session).FirstOrDefault(s => s.Shard?.Owns(guildId) ?? true);
    }

    /// <summary>
    /// Starts a session. With <paramref name="until"/> (a lease's expiry) it stops by itself at that instant unless
    /// <see cref="Extend"/> moves it. Returns the session's run, which ends when it stops for any reason.
    /// </summary>
    public Task Start(GatewaySession session, DateTimeOffset? until, CancellationToken stopping)
    {
        var id = session.Shard?.Id ?? 0;
        var expiry = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        if (until is { } due)
            expiry.CancelAfter(Remaining(due));
        var running = new Running(id, session, expiry, stopping.Register(expiry.Cancel));
        lock (_lock)
        {
            if (_running.ContainsKey(id))
                throw new InvalidOperationException($"Shard {id} runs already.");
            _running[id] = running;
        }

        running.Run = RunAsync(running);
        return running.Run;
    }

    /// <summary>The lease was renewed: the session may run until <paramref name="until"/>.</summary>
    public void Extend(int id, DateTimeOffset until)
    {
        lock (_lock)
            if (_running.TryGetValue(id, out var running))
                running.Expiry.CancelAfter(Remaining(until));
    }

    /// <summary>Closes the shard's connection and returns once it is closed.</summary>
    public async Task StopAsync(int id)
    {
        Running? running;
        lock (_lock)
            running = _running.GetValueOrDefault(id);
        if (running is null)
            return;
        try
        {
            await running.Expiry.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // It stopped by itself meanwhile.
        }

        await running.Run!;
    }

    public async Task StopAllAsync()
    {
        foreach (var id in RunningIds)
            await StopAsync(id);
    }

    private TimeSpan Remaining(DateTimeOffset until) => until - time.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    private async Task RunAsync(Running running)
    {
        await Task.Yield();
        try
        {
            await running.Session.RunAsync(running.Expiry.Token);
        }
        catch (Exception e)
        {
            logger.LogError(e, "The gateway session of shard {Shard} failed", running.Id);
        }
        finally
        {
            lock (_lock)
                _running.Remove(running.Id);
            await running.Registration.DisposeAsync();
            running.Expiry.Dispose();
            // Another instance speaks for these guilds now: what this process knew of them goes stale from here on.
            if (running.Session.Shard is { } shard && !running.Stopping.IsCancellationRequested)
                cache?.ForgetShard(shard);
            logger.LogInformation("The gateway session of shard {Shard} stopped", running.Id);
        }
    }

    private sealed class Running(int id, GatewaySession session, CancellationTokenSource expiry, CancellationTokenRegistration registration)
    {
        public int Id { get; } = id;

        public GatewaySession Session { get; } = session;

        public CancellationTokenSource Expiry { get; } = expiry;

        public CancellationTokenRegistration Registration { get; } = registration;

        public CancellationToken Stopping { get; } = registration.Token;

        public Task? Run { get; set; }
    }
}
