using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// The benchmarks' command line. Each benchmark starts the emulator in this process and the bot as a separate
/// process, as an operator runs it, and prints its figures; nothing is asserted.
/// </summary>
public static class Program
{
    private const string Usage =
        """
        Usage: dotnet run -c Release --project Bot.Tests/Benchmarks -- <interactions|memory|rooms|burst|pictures|faults|guilds|pool|rituals|seed|all> [options]
          --pairs 50,200        rooms: the pair counts to run (default 50,200); burst: how many pairs (default 1000)
          --seed N              faults: the seed of the scripted day and its faults (default: random, printed)
          --rituals N           rituals, seed: how many weekly rituals (default 100000)
          --guilds N            rituals, seed: across how many servers; guilds: how many servers of 100 channels
                                and 50 roles (default 1000 for both); burst: across how many servers (default 20)
          --instances N         burst: run N bot processes, shard i of N each, on one PostgreSQL database (default 1)
          --postgres <c|throwaway>  burst: the bot's PostgreSQL database (a connection string, or a throwaway server)
          --db <path>           seed: the database file to fill (created with the bot's migrations)
          --bot <path>          the CrossCoaching.dll to run (default: the bot published for this platform,
                                Bot/bin/<this configuration>/net10.0/<rid>/publish/, published again if older than the build)
          --env K=V[,K2=V2]     extra environment variables for the bot, e.g. DOTNET_GCgen0size=0x400000
        """;

    private static readonly string[] Options = ["--pairs", "--seed", "--bot", "--env", "--rituals", "--guilds", "--db", "--instances", "--postgres"];

    public static async Task<int> Main(string[] args)
    {
        if (args is [BareWorker.Mode])
            return await BareWorker.RunAsync();
        // Figures print the same on every machine: 1.25 ms, not 1,25 ms.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args is ["pool"])
        {
            // The matcher is a pure function: no bot to build or start.
            PoolBenchmark.Run();
            return 0;
        }

        if (args is not [var name, .. var rest] || name is not ("interactions" or "memory" or "rooms" or "burst" or "pictures" or "faults" or "guilds" or "rituals" or "seed" or "all") ||
            rest.Length % 2 != 0 || rest.Where((_, i) => i % 2 == 0).Any(o => !Options.Contains(o)))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var options = Enumerable.Range(0, rest.Length / 2).ToDictionary(i => rest[2 * i], i => rest[(2 * i) + 1], StringComparer.Ordinal);
        try
        {
            var rituals = options.TryGetValue("--rituals", out var r) ? Count(r) : RitualsBenchmark.Sizes.Full.Rituals;
            var guilds = options.TryGetValue("--guilds", out var g) ? Count(g) : RitualsBenchmark.Sizes.Full.Guilds;
            if (name is "seed")
            {
                var db = options.GetValueOrDefault("--db") ?? throw new BenchmarkException("seed wants --db <path>.");
                var took = await RitualSeeder.SeedAsync(db, rituals, guilds, TimeProvider.System.GetUtcNow());
                Console.WriteLine($"seeded {rituals} rituals across {guilds} servers into {db} in {took.TotalSeconds:0.0} s");
                return 0;
            }

            var pairs = options.TryGetValue("--pairs", out var list) ? list.Split(',').Select(Count).ToArray() : [50, 200];
            var bot = BotCommand.Parse(await BotBuild.LocateAsync(options.GetValueOrDefault("--bot")), options.GetValueOrDefault("--env"));
            PrintMachine(bot);
            var clock = Stopwatch.StartNew();
            if (name is "interactions" or "all")
                await InteractionsBenchmark.RunAsync(bot);
            if (name is "memory" or "all")
                await MemoryBenchmark.RunAsync(bot);
            if (name is "pictures" or "all")
                await PicturesBenchmark.RunAsync(bot);
            if (name is "rooms" or "all")
            {
                foreach (var count in pairs)
                    await RoomsBenchmark.RunAsync(bot, count);
            }

            if (name is "burst" or "all")
                await BurstBenchmark.RunAsync(bot, BurstSizes(options));
            if (name is "rituals" or "all")
                await RitualsBenchmark.RunAsync(bot, RitualsBenchmark.Sizes.Full with { Rituals = rituals, Guilds = guilds });
            if (name is "guilds" or "all")
                await GuildsBenchmark.RunAsync(bot, guilds);
            if (name is "all")
                PoolBenchmark.Run();
            if (name is "faults" or "all")
                await FaultBenchmark.RunAsync(bot, options.TryGetValue("--seed", out var seed) ? Count(seed) : Random.Shared.Next(1, 1_000_000));

            Console.WriteLine($"done in {clock.Elapsed:m\\:ss}");
            return 0;
        }
        catch (BenchmarkException e)
        {
            await Console.Error.WriteLineAsync($"benchmark failed: {e.Message}");
            return 1;
        }
    }

    private static BurstBenchmark.Sizes BurstSizes(Dictionary<string, string> options)
    {
        var full = BurstBenchmark.Sizes.Full;
        var instances = options.TryGetValue("--instances", out var i) ? Count(i) : full.Instances;
        var postgres = options.GetValueOrDefault("--postgres");
        if (instances > 1 && postgres is null)
            throw new BenchmarkException("--instances above 1 wants --postgres <connection string|throwaway>: the processes share one database.");
        return new BurstBenchmark.Sizes(options.TryGetValue("--pairs", out var p) ? Count(p) : full.Pairs,
            options.TryGetValue("--guilds", out var g) ? Count(g) : full.Guilds, instances, postgres);
    }

    private static int Count(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new BenchmarkException($"'{text}' is not a positive whole number.");

    private static void PrintMachine(BotCommand bot)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        Console.WriteLine($"bot:     {bot.Dll} ({BotBuild.Configuration} build of {File.GetLastWriteTimeUtc(bot.Dll):yyyy-MM-dd HH:mm} UTC)");
        if (bot.Environment.Count > 0)
            Console.WriteLine($"extra:   {string.Join(' ', bot.Environment.Select(e => $"{e.Key}={e.Value}"))}");
        if (BotBuild.Configuration != "Release")
            Console.WriteLine("warning: not a Release build; run with -c Release for figures worth comparing");
        Console.WriteLine();
    }
}
