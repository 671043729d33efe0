using System.Diagnostics;
using System.Globalization;
using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Progress;
using CrossCoaching.Progress.Pictures;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// <c>pictures</c>: how long drawing takes (in this process, the painters called directly: the first picture, which
/// loads SkiaSharp and the font, then p50/p99 of many) and how big the PNGs are; then, in the bot process, the
/// resident memory idle, whether SkiaSharp is mapped before anyone asked for a picture, and what the first
/// <c>/stats</c> with its pictures adds.
/// </summary>
public static class PicturesBenchmark
{
    public const double P99TargetMs = 100;
    public const int SizeTargetKiB = 100;
    private const int Rounds = 300;

    public static async Task RunAsync(BotCommand bot)
    {
        Console.WriteLine("== pictures: drawing time and PNG size (in this process), then the bot's resident memory before and after the first picture");
        Drawing();
        await MemoryAsync(bot);
    }

    private static void Drawing()
    {
        var today = new DateOnly(2026, 12, 7);
        var sessions = PicturesSeeder.History(today, weeks: 26);
        var grid = RitualGrid.Build(sessions, RitualGrid.MondayOf(today).AddDays(-7 * 25), today, NodaTime.DateTimeZone.Utc);
        var stats = new PairStats(18, 3, 3, 2, 20, TimeSpan.FromMinutes(540), 4, 9);
        var strip = grid.Cells.Take(8).Select(c => (c.Date, c.Outcome)).ToList();
        var server = ServerWeek.Build([.. Enumerable.Range(0, 40).SelectMany(_ => sessions)], today, 12);
        (string Name, Func<byte[]> Draw)[] kinds =
        [
            ("pair, 26 weeks", () => PairPicturePainter.Render(grid, stats, "Your ritual — the last 26 weeks", Lang.En)),
            ("round strip, 8", () => RoundStripPainter.Render(strip, "Round 3 · current streak: 4", Lang.En)),
            ("server, 12 weeks", () => ServerChartPainter.Render(server, "Séances par semaine — les 12 dernières semaines", Lang.Fr)),
        ];

        var clock = Stopwatch.StartNew();
        kinds[0].Draw();
        var firstMs = clock.Elapsed.TotalMilliseconds;
        // Set PICTURES_OUT to a folder to look at the pictures drawn.
        if (Environment.GetEnvironmentVariable("PICTURES_OUT") is { Length: > 0 } folder)
        {
            foreach (var (name, draw) in kinds)
                File.WriteAllBytes(Path.Combine(folder, $"{name.Split(',')[0].Replace(' ', '-')}.png"), draw());
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first picture in this process (loads SkiaSharp, its native library and the font): {firstMs:0.0} ms"));
        Console.WriteLine("  picture            p50 ms   p99 ms   max ms   PNG KiB   target");
        foreach (var (name, draw) in kinds)
        {
            var times = new List<TimeSpan>(Rounds);
            var size = 0;
            for (var i = 0; i < Rounds; i++)
            {
                var start = Stopwatch.GetTimestamp();
                size = draw().Length;
                times.Add(Stopwatch.GetElapsedTime(start));
            }

            var latency = Latency.Of(times);
            var ok = latency.P99 < P99TargetMs && size < SizeTargetKiB * 1024;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-17} {latency.P50,7:0.00} {latency.P99,8:0.00} {latency.Max,8:0.00} {size / 1024.0,9:0.0}   p99 < {P99TargetMs} ms, < {SizeTargetKiB} KiB   {InteractionsBenchmark.Verdict(ok)}"));
        }
    }

    private static async Task MemoryAsync(BotCommand bot)
    {
        await using var discord = await Emulator.StartAsync();
        var owner = discord.AddUser("owner");
        var guild = discord.AddGuild("Coaching", owner).Id;
        var home = discord.AddTextChannel(guild, "general");
        var alice = discord.AddUser("alice");
        var bob = discord.AddUser("bob");
        discord.AddMember(guild, alice);
        discord.AddMember(guild, bob);
        var folder = BotRun.NewFolder("pictures");
        await PicturesSeeder.SeedAsync(Path.Combine(folder, "bot.db"), guild, home.Id, (alice.Id, alice.Username), (bob.Id, bob.Username));

        await using var run = await BotRun.StartAsync(bot, discord, folder);
        Console.WriteLine("  bot started with one pair and 26 weeks of sessions; idle for 20 s…");
        await Task.Delay(TimeSpan.FromSeconds(20));
        var idle = run.Memory();
        var skiaIdle = SkiaMapped(run.Bot.Id);

        var member = await StatsAsync(discord, guild, home.Id, alice.Id, pictures: 1);
        var manager = await StatsAsync(discord, guild, home.Id, owner.Id, pictures: 1);
        await Task.Delay(TimeSpan.FromSeconds(10));
        var after = run.Memory();
        var skiaAfter = SkiaMapped(run.Bot.Id);
        for (var i = 0; i < 20; i++)
            await StatsAsync(discord, guild, home.Id, i % 2 == 0 ? alice.Id : owner.Id, pictures: 1);
        await Task.Delay(TimeSpan.FromSeconds(10));
        var steady = run.Memory();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  first /stats (member, its picture): {member.Elapsed.TotalMilliseconds:0} ms to the answer, {member.Kind}; then a manager's: {manager.Elapsed.TotalMilliseconds:0} ms, {manager.Kind}"));
        Console.WriteLine("  point                              RSS MiB    anon    file   SkiaSharp mapped");
        Console.WriteLine(Row("idle, no picture asked", idle, skiaIdle));
        Console.WriteLine(Row("10 s after the first two pictures", after, skiaAfter));
        Console.WriteLine(Row("after 20 more /stats", steady, skiaAfter));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  the first pictures added {after.RssMiB - idle.RssMiB:0.0} MiB resident; idle without a picture: SkiaSharp {(skiaIdle ? "LOADED (should not be)" : "not loaded")}"));
        Console.WriteLine();
    }

    /// <summary>Sends /stats and waits for the answer that carries a picture: the callback itself, or the edit filling its deferral.</summary>
    private static async Task<(TimeSpan Elapsed, string Kind)> StatsAsync(DiscordEmulator discord, Snowflake guild, Snowflake channel, Snowflake user, int pictures)
    {
        var clock = Stopwatch.StartNew();
        var handle = await discord.SendCommandAsync(guild, channel, user, "stats");
        while (handle.Original is not { IsLoading: false } answer || answer.Attachments.Count < pictures)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(15))
                throw new BenchmarkException("No /stats answer with its picture within 15 s.");
            await Task.Delay(5);
        }

        return (clock.Elapsed, handle.Callback!.Type == 5 ? "deferred then filled" : "answered at once");
    }

    private static bool SkiaMapped(int pid) =>
        File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/maps").Any(l => l.Contains("SkiaSharp", StringComparison.Ordinal));

    private static string Row(string point, ResidentMemory memory, bool skia) =>
        string.Create(CultureInfo.InvariantCulture, $"  {point,-34} {memory.RssMiB,7:0.0} {memory.AnonMiB,7:0.0} {memory.FileMiB,7:0.0}   {(skia ? "yes" : "no")}");
}
