namespace CrossCoaching.Benchmarks;

/// <summary>
/// The bot process of the fault benchmark, killed and started again: each start has its own log file
/// (<c>bot-007.log</c>) in the scratch folder. Starts do not wait for READY; a process that dies by itself is
/// started again by <see cref="ReviveAsync"/> and counted.
/// </summary>
public sealed class FaultBot(BotCommand command, IReadOnlyDictionary<string, string> environment, string folder) : IAsyncDisposable
{
    private readonly SemaphoreSlim _sync = new(1, 1);
    private DotnetProcess? _current;

    public int Starts { get; private set; }

    public int Kills { get; private set; }

    /// <summary>Exits nobody asked for (a crash); each is restarted.</summary>
    public int Crashes { get; private set; }

    public int? Pid => _current?.Id;

    public Task StartAsync() => Locked(() =>
    {
        Start();
        return Task.CompletedTask;
    });

    /// <summary>SIGKILL, then a start after <paramref name="delay"/>.</summary>
    public async Task KillAndRestartAsync(TimeSpan delay)
    {
        await Locked(async () =>
        {
            if (_current is not null)
            {
                await _current.KillAsync();
                await _current.DisposeAsync();
                _current = null;
                Kills++;
            }
        });
        await Task.Delay(delay);
        await Locked(() =>
        {
            if (_current is null)
                Start();
            return Task.CompletedTask;
        });
    }

    /// <summary>Starts the bot again if it exited by itself.</summary>
    public Task ReviveAsync() => Locked(async () =>
    {
        if (_current is { HasExited: true } dead)
        {
            Console.WriteLine($"  the bot (pid {dead.Id}) exited by itself; log: {dead.LogPath}");
            await dead.DisposeAsync();
            Crashes++;
            Start();
        }
    });

    /// <summary>The graceful stop at the end (SIGTERM); returns the exit code.</summary>
    public Task<int> StopAsync() => Locked(async () =>
    {
        var code = _current is null ? 0 : await _current.StopAsync(TimeSpan.FromSeconds(30));
        if (_current is not null)
            await _current.DisposeAsync();
        _current = null;
        return code;
    });

    public async ValueTask DisposeAsync()
    {
        if (_current is not null)
            await _current.DisposeAsync();
        _sync.Dispose();
    }

    private void Start()
    {
        Starts++;
        _current = DotnetProcess.Start(command.Dll, [], folder, environment, $"bot-{Starts:000}.log");
    }

    private async Task<T> Locked<T>(Func<Task<T>> action)
    {
        await _sync.WaitAsync();
        try
        {
            return await action();
        }
        finally
        {
            _sync.Release();
        }
    }

    private Task Locked(Func<Task> action) => Locked(async () =>
    {
        await action();
        return 0;
    });
}
