using System.Diagnostics;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// One run of the bot process against the emulator: a scratch folder for its database and log, the process started
/// with the emulator's token and URL, and READY plus the command registration awaited.
/// </summary>
public sealed class BotRun : IAsyncDisposable
{
    private BotRun(DiscordEmulator discord, DotnetProcess bot, string folder) => (Discord, Bot, Folder) = (discord, bot, folder);

    public DiscordEmulator Discord { get; }

    public DotnetProcess Bot { get; }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "bot.db");

    public static string NewFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"crosscoaching-bench-{name}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <param name="folder">From <see cref="NewFolder"/>; the database may already be seeded there. Deleted on dispose.</param>
    /// <param name="settings">Extra environment variables (<c>Sessions__GraceMinutes</c>…).</param>
    /// <param name="readyCount">The READY to wait for: the n-th of the run when several bot processes share the emulator.</param>
    public static async Task<BotRun> StartAsync(BotCommand command, DiscordEmulator discord, string folder, IReadOnlyDictionary<string, string>? settings = null,
        int readyCount = 1, string? logName = null)
    {
        var environment = Environment(command, discord, folder, settings);
        var clock = Stopwatch.StartNew();
        var bot = DotnetProcess.Start(command.Dll, [], folder, environment, logName);
        var run = new BotRun(discord, bot, folder);
        try
        {
            var timeout = TimeSpan.FromSeconds(60);
            await bot.WhileRunningAsync(discord.WaitForReadyAsync(readyCount, timeout), "READY");
            var ready = clock.Elapsed;
            await bot.WhileRunningAsync(discord.WaitUntilAsync(d => d.CommandsOf(null).Count > 0, timeout, "the command registration"), "the commands");
            Console.WriteLine($"  bot pid {bot.Id}: READY after {ready.TotalSeconds:0.0} s, commands registered after {clock.Elapsed.TotalSeconds:0.0} s");
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>The bot's environment: the emulator's token and URL, the database in <paramref name="folder"/>, the settings; printed, token aside.</summary>
    public static Dictionary<string, string> Environment(BotCommand command, DiscordEmulator discord, string folder, IReadOnlyDictionary<string, string>? settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["DISCORD_TOKEN"] = discord.Token,
            ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl,
            ["ConnectionStrings__CrossCoaching"] = $"Data Source={Path.Combine(folder, "bot.db")}",
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in (settings ?? new Dictionary<string, string>()).Concat(command.Environment))
            environment[key] = value;

        Console.WriteLine($"  bot: {DotnetProcess.DotnetHost()} {command.Dll}");
        Console.WriteLine($"       {string.Join(' ', environment.Where(e => e.Key != "DISCORD_TOKEN").Select(e => $"{e.Key}={e.Value}"))}");
        return environment;
    }

    public ResidentMemory Memory() => ResidentMemory.Of(Bot.Id);

    public async ValueTask DisposeAsync()
    {
        var code = await Bot.StopAsync();
        await Bot.DisposeAsync();
        if (code != 0)
            Console.WriteLine($"  the bot exited with code {code}; its log is kept: {Bot.LogPath}");
        else
            Directory.Delete(Folder, recursive: true);
    }
}
