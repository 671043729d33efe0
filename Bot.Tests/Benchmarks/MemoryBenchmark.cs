using System.Globalization;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// <c>memory</c>: the bot process's resident memory (VmRSS) and its peak (VmHWM) across a day in miniature — just
/// started, idle, after the /help load, idle again — beside a bare .NET worker measured the same way.
/// </summary>
public static class MemoryBenchmark
{
    public static async Task RunAsync(BotCommand bot)
    {
        Console.WriteLine("== memory: the bot's resident memory, from /proc/<pid>/status (MiB = 1024 KiB)");
        await using var discord = await Emulator.StartAsync();
        var callers = HelpCallers.Arrange(discord);
        var points = new List<(string Point, ResidentMemory Memory, bool Idle)>();
        await using (var run = await BotRun.StartAsync(bot, discord, BotRun.NewFolder("memory")))
        {
            points.Add(("after READY", run.Memory(), false));
            Console.WriteLine("  idle for 30 s…");
            await Task.Delay(TimeSpan.FromSeconds(30));
            points.Add(("after 30 s idle", run.Memory(), true));
            await HelpTraffic.RunAsync(discord, callers);
            points.Add(("after the /help load", run.Memory(), false));
            Console.WriteLine("  idle for 60 s…");
            await Task.Delay(TimeSpan.FromSeconds(60));
            points.Add(("after 60 s idle again", run.Memory(), true));
        }

        Console.WriteLine("  bare .NET worker (Host.CreateApplicationBuilder + one idle BackgroundService, the bot's GC settings), 30 s idle…");
        var bare = await BareWorker.MeasureIdleAsync(TimeSpan.FromSeconds(30));

        Console.WriteLine();
        Console.WriteLine("  point                     RSS MiB   peak MiB    anon    file   shmem   target");
        foreach (var (point, memory, idle) in points)
        {
            var target = idle ? $"≤ {InteractionsBenchmark.IdleTargetMiB} MiB idle   {InteractionsBenchmark.Verdict(memory.RssMiB <= InteractionsBenchmark.IdleTargetMiB)}" : "";
            Console.WriteLine(Row(point, memory, target));
        }

        var growth = points[3].Memory.RssMiB - points[1].Memory.RssMiB;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  idle after the load − idle before: {growth:+0.0;-0.0} MiB   target ≤ {InteractionsBenchmark.LoadGrowthTargetMiB} MiB (5 MB)   {InteractionsBenchmark.Verdict(growth <= InteractionsBenchmark.LoadGrowthTargetMiB)}"));
        Console.WriteLine(Row("bare .NET worker, idle", bare, "reference (issue: ≈ 42 MB)"));
        Console.WriteLine("  discord.js bot, idle (from the issue, not measured here): 74–87 MB");
        Console.WriteLine("  anon: GC and native heaps; file: mapped assemblies and native libraries; shmem: the runtime's executable code (MiB)");
        Console.WriteLine();
    }

    private static string Row(string point, ResidentMemory memory, string target) =>
        string.Create(CultureInfo.InvariantCulture,
            $"  {point,-24} {memory.RssMiB,8:0.0} {memory.PeakMiB,10:0.0} {memory.AnonMiB,7:0.0} {memory.FileMiB,7:0.0} {memory.ShmemMiB,7:0.0}   {target}");
}
