using System.Diagnostics;
using System.Globalization;
using CrossCoaching.Pool.Matching;
using NodaTime;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// <c>pool</c>: how long one matching run takes for a pool of 2,000 members (in this process, the matcher called
/// directly: it is a pure function, no bot needed). Members get one to four weekly windows of one to three hours in
/// a handful of time zones, one or both languages, and some exclusions, so that the graph is neither empty nor
/// complete; the first run includes the JIT, the others are printed as p50 and max.
/// </summary>
public static class PoolBenchmark
{
    public const double TargetMs = 1000;
    private const int Members = 2000;
    private const int Rounds = 5;

    private static readonly string[] Zones = ["Europe/Paris", "Europe/London", "America/Montreal", "America/New_York", "Africa/Dakar", "Asia/Kolkata"];

    public static void Run()
    {
        Console.WriteLine($"== pool: one matching run for {Members:N0} members (in this process)");
        var now = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var (pool, exclusions) = Generate(new Random(13), now);
        var session = TimeSpan.FromMinutes(15);

        var clock = Stopwatch.StartNew();
        var matches = PoolMatcher.Match(pool, exclusions, session, now);
        var firstMs = clock.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            clock.Restart();
            PoolMatcher.Match(pool, exclusions, session, now);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var p50 = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  pairs {matches.Count} of at most {Members / 2}; first run {firstMs:0} ms; then p50 {p50:0} ms, max {times[^1]:0} ms; target < {TargetMs:0} ms: {(times[^1] < TargetMs ? "met" : "MISSED")}"));
    }

    private static (List<PoolCandidate>, PoolExclusions) Generate(Random random, DateTimeOffset now)
    {
        var pool = new List<PoolCandidate>();
        for (var i = 0; i < Members; i++)
        {
            var windows = Enumerable.Range(0, random.Next(1, 5)).Select(_ =>
            {
                var start = new TimeOnly(random.Next(7, 22), random.Next(4) * 15);
                return new PoolWindow((DayOfWeek)random.Next(7), start, start.AddMinutes(60 * random.Next(1, 4)));
            }).ToList();
            pool.Add(new PoolCandidate((ulong)(1000 + i), DateTimeZoneProviders.Tzdb[Zones[random.Next(Zones.Length)]],
                (PoolLanguages)random.Next(1, 4), windows, random.Next(4) == 0, now.AddMinutes(-random.Next(1, 60 * 24 * 30))));
        }

        var exclusions = new PoolExclusions();
        for (var i = 0; i < Members; i++)
        {
            exclusions.FormerPartners((ulong)(1000 + random.Next(Members)), (ulong)(1000 + random.Next(Members)));
            exclusions.Block((ulong)(1000 + random.Next(Members)), (ulong)(1000 + random.Next(Members)));
        }

        return (pool, exclusions);
    }
}
