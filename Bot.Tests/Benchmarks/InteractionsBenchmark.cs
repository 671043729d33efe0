using System.Globalization;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// <c>interactions</c>: /help answered by the bot process through the emulator on loopback — latency from the
/// dispatch of INTERACTION_CREATE to the callback's arrival, at 20 and 200 interactions per second — and the bot's
/// resident memory when idle.
/// </summary>
public static class InteractionsBenchmark
{
    public const double P99TargetMs = 10;
    /// <summary>The issue's: at most the minimal discord.js bot's idle RSS on the same machine, 74 MB at its lowest (70.6 MiB).</summary>
    public const double IdleTargetMiB = 70.6;

    /// <summary>The issue's: the idle RSS after the /help load at most 5 MB (4.8 MiB) above the idle RSS before it.</summary>
    public const double LoadGrowthTargetMiB = 4.8;
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(BotCommand bot)
    {
        Console.WriteLine("== interactions: /help, dispatch → callback, open loop (sends on a schedule, never waiting for answers)");
        await using var discord = await Emulator.StartAsync();
        var callers = HelpCallers.Arrange(discord);
        await using var run = await BotRun.StartAsync(bot, discord, BotRun.NewFolder("interactions"));

        Console.WriteLine($"  idle for {Idle.TotalSeconds:0} s…");
        await Task.Delay(Idle);
        var idle = run.Memory();
        var phases = await HelpTraffic.RunAsync(discord, callers);
        var loaded = run.Memory();

        var at20 = phases.Single(p => p.Name == "20/s");
        Line("/help p99 at 20/s", $"{at20.Latency.P99:0.00} ms", $"target ≤ {P99TargetMs} ms   {Verdict(at20.Latency.P99 <= P99TargetMs && at20.Missed == 0)}");
        Line($"idle RSS ({Idle.TotalSeconds:0} s after READY)", $"{idle.RssMiB:0.0} MiB", $"target ≤ {IdleTargetMiB} MiB   {Verdict(idle.RssMiB <= IdleTargetMiB)}");
        Line("RSS after the load", $"{loaded.RssMiB:0.0} MiB", $"peak {loaded.PeakMiB:0.0} MiB");
        Console.WriteLine("  for scale (same machine, from the issue): discord.js p99 ≈ 4 ms, idle ≈ 74 MB; bare .NET 10 worker idle ≈ 42 MB");
        if (discord.InternalErrors.Count > 0)
            Console.WriteLine($"  the emulator failed {discord.InternalErrors.Count} times internally: {discord.InternalErrors[0].Message}");
        Console.WriteLine();
    }

    public static string Verdict(bool met) => met ? "met" : "MISSED";

    private static void Line(string what, string value, string note) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-30} {value,10}   {note}"));
}
