using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CrossCoaching.Discord;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// <c>rituals</c>: the bot started on a database holding a large community (<see cref="RitualSeeder"/>): start-up to
/// the first command answered, the reconcile passes (first and later, from the bot's log), how many triggers the
/// scheduler holds, resident memory beside an empty database's, and stateful commands (/ritual show, /pair,
/// /takeaway) under load from partners of seeded pairs.
/// </summary>
public static partial class RitualsBenchmark
{
    public const double StartupTargetS = 5, FirstPassTargetMs = 2000, ExtraMemoryTargetMiB = 30, P99At20TargetMs = 50, P99At200TargetMs = 200;

    public sealed record Sizes(int Rituals, int Guilds, TimeSpan Idle, double LoadScale)
    {
        public static readonly Sizes Full = new(100_000, 1_000, TimeSpan.FromSeconds(30), 1);
    }

    public static async Task RunAsync(BotCommand bot, Sizes sizes)
    {
        Console.WriteLine($"== rituals: {sizes.Rituals:N0} weekly rituals across {sizes.Guilds:N0} servers in the database");
        var settings = new Dictionary<string, string>
        {
            ["Sessions__ReconcileMinutes"] = "1",
            ["Logging__LogLevel__CrossCoaching.Hosting.Reconciler"] = "Debug",
        };

        Console.WriteLine("  baseline: the same bot on an empty database");
        double emptyIdle;
        await using (var quiet = await Emulator.StartAsync())
        await using (var empty = await BotRun.StartAsync(bot, quiet, BotRun.NewFolder("rituals-empty"), settings))
        {
            await Task.Delay(sizes.Idle);
            emptyIdle = empty.Memory().RssMiB;
        }

        await using var discord = await Emulator.StartAsync();
        var callers = HelpCallers.Arrange(discord);
        var folder = BotRun.NewFolder("rituals");
        var home = new RitualSeeder.Home(callers.Guild, callers.Channels[0], callers.Users);
        // Every seeded server is one the bot is in: a server missing from READY would be one it was removed from.
        var owner = discord.AddUser("owner of the seeded servers");
        var guilds = Enumerable.Range(1, sizes.Guilds - 1).Select(i => discord.AddGuild($"Community {i}", owner).Id).Prepend(callers.Guild).ToList();
        var seeding = await RitualSeeder.SeedAsync(Path.Combine(folder, "bot.db"), sizes.Rituals, sizes.Guilds, TimeProvider.System.GetUtcNow(), home, guilds);
        Console.WriteLine($"  seeded in {seeding.TotalSeconds:0.0} s: {new FileInfo(Path.Combine(folder, "bot.db")).Length / 1048576.0:0} MiB");

        var clock = Stopwatch.StartNew();
        await using var run = await BotRun.StartAsync(bot, discord, folder, settings);
        var first = await discord.SendCommandAsync(callers.Guild, callers.Channels[0], callers.Users[0], "help");
        await run.Bot.WhileRunningAsync(first.WaitForCallbackAsync(TimeSpan.FromSeconds(120)), "the first answer");
        var startup = clock.Elapsed;
        var firstPass = await PassAsync(run, 1);
        await Task.Delay(sizes.Idle);
        var idle = run.Memory();
        var triggers = Armed(run);

        Line("start-up to the first answer", $"{startup.TotalSeconds:0.00} s", $"target < {StartupTargetS} s   {Verdict(startup.TotalSeconds < StartupTargetS)}");
        Line("first reconcile pass", $"{firstPass:0} ms", $"target < {FirstPassTargetMs} ms   {Verdict(firstPass < FirstPassTargetMs)}");
        Line("steps armed", $"{triggers}", $"by the start and the horizon top-ups so far, of {sizes.Rituals * 5:N0} pending (held in memory)");
        Line("idle RSS, seeded", $"{idle.RssMiB:0.0} MiB", $"empty database {emptyIdle:0.0} MiB, +{idle.RssMiB - emptyIdle:0.0}, target ≤ +{ExtraMemoryTargetMiB}   {Verdict(idle.RssMiB - emptyIdle <= ExtraMemoryTargetMiB)}");

        var phases = await StatefulTraffic.RunAsync(discord, callers, sizes.LoadScale);
        var at20 = phases.Single(p => p.Name == "20/s");
        var at200 = phases.Single(p => p.Name == "200/s");
        Line("stateful p99 at 20/s", $"{at20.Latency.P99:0.0} ms", $"target < {P99At20TargetMs} ms   {Verdict(at20.Latency.P99 < P99At20TargetMs && at20.Missed == 0)}");
        Line("stateful p99 at 200/s", $"{at200.Latency.P99:0.0} ms", $"target < {P99At200TargetMs} ms   {Verdict(at200.Latency.P99 < P99At200TargetMs && at200.Missed == 0)}");
        var later = await PassAsync(run, 2, sizes.Idle + TimeSpan.FromSeconds(75));
        Line("a later reconcile pass", $"{later:0} ms", "proportional to what changed, not to the rituals");
        Line("RSS after the load", $"{run.Memory().RssMiB:0.0} MiB", $"peak {run.Memory().PeakMiB:0.0} MiB");
        Console.WriteLine("  the bot's own account of its passes:");
        foreach (var line in run.Bot.Tail(100_000).Split('\n').Where(l => l.Contains("Reconcil", StringComparison.Ordinal) || l.Contains("Armed", StringComparison.Ordinal)))
            Console.WriteLine("    " + line.Trim());
        Console.WriteLine();
    }

    /// <summary>The duration of the bot's n-th reconcile pass, read from its log (debug line of the reconciler).</summary>
    private static async Task<double> PassAsync(BotRun run, int n, TimeSpan? patience = null)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < (patience ?? TimeSpan.FromSeconds(90)))
        {
            var passes = run.Bot.Tail(100_000).Split('\n').Where(l => l.Contains("Reconcile pass took", StringComparison.Ordinal)).ToList();
            if (passes.Count >= n)
                return double.Parse(passes[n - 1].Split("took ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
            await Task.Delay(200);
        }

        return double.NaN;
    }

    /// <summary>How many steps the start and the horizon top-ups armed, from the bot's "Armed" lines (the scheduler holds them in memory).</summary>
    private static long Armed(BotRun run) =>
        run.Bot.Tail(100_000).Split('\n').Select(l => ArmedCount().Match(l)).Where(m => m.Success)
            .Sum(m => m.Groups.Cast<Group>().Skip(1).Where(g => g.Success).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"Armed (\d+) session steps|Armed at start from the database: (\d+) steps already due, (\d+) due within the horizon")]
    private static partial Regex ArmedCount();

    private static string Verdict(bool met) => InteractionsBenchmark.Verdict(met);

    private static void Line(string what, string value, string note) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-30} {value,12}   {note}"));
}

/// <summary>/ritual show, /pair and /takeaway in turn, from partners of seeded pairs: each reads the database.</summary>
public static class StatefulTraffic
{
    public static async Task<IReadOnlyList<LoadPhase>> RunAsync(DiscordEmulator discord, HelpCallers callers, double scale)
    {
        Console.WriteLine();
        Console.WriteLine("  /ritual show, /pair, /takeaway in turn");
        Console.WriteLine("  " + LoadPhase.Header);
        var phases = new List<LoadPhase>();
        foreach (var (name, rate, seconds) in new[] { ("warm-up", 20.0, 10), ("20/s", 20.0, 15), ("200/s", 200.0, 10) })
        {
            var phase = await InteractionLoad.RunAsync(discord, callers, name, rate, TimeSpan.FromSeconds(seconds * scale), Call);
            Console.WriteLine("  " + phase);
            phases.Add(phase);
        }

        Console.WriteLine();
        return phases;

        CommandCall Call(int i, Snowflake channel, Snowflake user) => (i % 3) switch
        {
            0 => new CommandCall(callers.Guild, channel, user, "ritual") { Subcommand = "show" },
            1 => new CommandCall(callers.Guild, channel, user, "pair") { Options = [CommandArg.User("partner", callers.Users[(i + 7) % callers.Users.Count])] },
            _ => new CommandCall(callers.Guild, channel, user, "takeaway") { Options = [CommandArg.String("text", "What I take away from today.")] },
        };
    }
}
