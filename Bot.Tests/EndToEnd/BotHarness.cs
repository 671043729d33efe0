using CrossCoaching.Hosting;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Emulator;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>
/// The real bot host (Program's service graph) running against the Discord emulator on 127.0.0.1. The features'
/// clock can be a <see cref="FakeTimeProvider"/> (it drives Quartz); Discord's own clocks — heartbeats, rate limits,
/// the 3-second deadline — stay real on both sides.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private Task<int>? _run;

    /// <summary>The settings the bot was started with: a restart keeps them, as a restarted deployment keeps its environment.</summary>
    private Dictionary<string, string?>? _settings;

    private BotHarness(DiscordEmulator discord, TempFolder folder, IHost host, CapturingLoggerProvider logs, FakeTimeProvider? time) =>
        (Discord, _folder, Host, Logs, Time) = (discord, folder, host, logs, time);

    public DiscordEmulator Discord { get; }

    public IHost Host { get; private set; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>The features' clock, when the test drives it; null when the bot runs on real time.</summary>
    public FakeTimeProvider? Time { get; }

    public string DatabasePath => _folder.File("data", "bot.db");

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Starts the emulator (unless given) and the bot on it, and waits for the bot's READY.</summary>
    public static async Task<BotHarness> StartAsync(
        DiscordEmulator? discord = null, FakeTimeProvider? time = null, Dictionary<string, string?>? settings = null, bool waitForReady = true)
    {
        discord ??= await DiscordEmulator.StartAsync(new EmulatorOptions { HeartbeatInterval = TimeSpan.FromSeconds(1), IdentifyInterval = TimeSpan.Zero });
        var folder = new TempFolder();
        var logs = new CapturingLoggerProvider();
        var harness = new BotHarness(discord, folder, null!, logs, time);
        harness._settings = settings;
        harness.Host = harness.BuildHost(settings);
        await harness.RunAsync(waitForReady);
        return harness;
    }

    /// <summary>
    /// Stops the bot (as SIGTERM would) and starts a new process on the same database: a restart, with the settings it
    /// was started with unless <paramref name="settings"/> replaces them.
    /// </summary>
    public async Task RestartAsync(Action? whileStopped = null, Dictionary<string, string?>? settings = null)
    {
        await StopAsync();
        whileStopped?.Invoke();
        _settings = settings ?? _settings;
        Host = BuildHost(_settings);
        await RunAsync(waitForReady: true);
    }

    /// <summary>
    /// Ends the process as a crash would (nothing stopped gracefully, nothing flushed) and starts a new one on the same
    /// database once <paramref name="whileDown"/> has run.
    /// </summary>
    public async Task CrashAndRestartAsync(Action? whileDown = null)
    {
        Host.Dispose();
        _run = null;
        whileDown?.Invoke();
        Host = BuildHost(_settings);
        await RunAsync(waitForReady: true);
    }

    public async Task<int> StopAsync()
    {
        if (_run is null)
            return 0;
        await Host.StopAsync();
        var code = await _run.WaitAsync(TimeSpan.FromSeconds(20));
        Host.Dispose();
        _run = null;
        return code;
    }

    /// <summary>Completes when the host stops by itself, with the exit code it would return.</summary>
    public Task<int> Exited => _run ?? Task.FromResult(0);

    private IHost BuildHost(Dictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = Discord.Token,
            ["Discord:ApiBaseUrl"] = Discord.ApiBaseUrl,
            ["ConnectionStrings:CrossCoaching"] = $"Data Source={DatabasePath}",
            ["Logging:LogLevel:Default"] = "Debug",
        };
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
        var builder = TestHostBuilder.Create(settings);
        builder.Logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Debug);
        if (Time is not null)
        {
            builder.Services.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(Time);
            // The heartbeat tells other processes this one is alive, a matter of real time (there is no other process
            // here). On the features' clock a move of a week fired its 10-second timer 60,000 times before the move
            // returned, each tick a write, for tens of seconds.
            builder.Services.RemoveAll<InstanceHeartbeat>().AddSingleton(sp => new InstanceHeartbeat(
                sp.GetRequiredService<SqliteConnectionFactory>(), sp.GetRequiredService<InstanceIdentity>(), TimeProvider.System,
                sp.GetRequiredService<ILogger<InstanceHeartbeat>>()));
        }

        return builder.Build();
    }

    private async Task RunAsync(bool waitForReady)
    {
        var readies = Discord.Readies.Count;
        var problem = await BotRunner.PrepareAsync(Host);
        Assert.Null(problem);
        var exit = Host.Services.GetRequiredService<BotExit>();
        await Host.StartAsync();
        var host = Host;
        _run = Task.Run(async () =>
        {
            await host.WaitForShutdownAsync();
            return exit.Code;
        });
        if (waitForReady)
        {
            await Discord.WaitForReadyAsync(readies + 1);
            // READY sent is not READY read: a test that drops the connection now must find the session known to the bot.
            var cache = host.Services.GetRequiredService<CrossCoaching.Discord.IGuildCache>();
            await Discord.WaitUntilAsync(_ => cache.CurrentUser is not null && Logs.All.Contains("Identified to the Discord gateway", StringComparison.Ordinal),
                TimeSpan.FromSeconds(20), "the bot to read READY");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            await Discord.DisposeAsync();
            _folder.Dispose();
        }
    }
}
