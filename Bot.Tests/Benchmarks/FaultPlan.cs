namespace CrossCoaching.Benchmarks;

/// <summary>A pair of the scripted day: its server, its slot (minutes after the day's first slot), its ritual's length and reminder.</summary>
public sealed record DayPair(int Guild, int SlotMinute, int DurationMinutes, int ReminderMinutes);

/// <summary>A window in which Discord answers every message post with <see cref="Status"/>.</summary>
public sealed record Outage(TimeSpan Start, TimeSpan Length, int Status);

/// <summary>
/// The scripted day and its faults, all drawn from one seed so that a run can be repeated: the pairs and their slots,
/// the instants (after the bot's first start) at which its process is killed, how long each restart waits, and the
/// windows in which message posts fail.
/// </summary>
public sealed record FaultPlan(int Seed, IReadOnlyList<DayPair> Pairs, IReadOnlyList<TimeSpan> Kills, IReadOnlyList<TimeSpan> RestartDelays,
    IReadOnlyList<Outage> Outages)
{
    public const int Guilds = 4, PairsPerGuild = 16, SlotMinutes = 8, KillCount = 100, OutageCount = 12;

    /// <summary>Failures of a message post: Discord's JSON 500, and the HTML pages of its proxy (502, 503, 504).</summary>
    private static readonly int[] Statuses = [500, 502, 503, 503, 504];

    public static FaultPlan Make(int seed, TimeSpan faultsFrom, TimeSpan faultsUntil)
    {
        var random = new Random(seed);
        var pairs = Enumerable.Range(0, Guilds * PairsPerGuild)
            .Select(i => new DayPair(i % Guilds, random.Next(SlotMinutes + 1), random.Next(2, 4), random.Next(1, 4)))
            .ToList();
        var span = (faultsUntil - faultsFrom).TotalSeconds;
        var kills = Enumerable.Range(0, KillCount).Select(_ => faultsFrom + TimeSpan.FromSeconds(random.NextDouble() * span)).Order().ToList();
        var delays = kills.Select(_ => TimeSpan.FromMilliseconds(random.Next(0, 3000))).ToList();
        // Outages start at random, last 10 to 60 s, and never overlap: one ends before the next begins.
        var starts = Enumerable.Range(0, OutageCount).Select(_ => random.NextDouble() * span).Order().ToList();
        var outages = new List<Outage>();
        for (var i = 0; i < starts.Count; i++)
        {
            var room = (i + 1 < starts.Count ? starts[i + 1] : span) - starts[i];
            var length = Math.Min(10 + (random.NextDouble() * 50), room - 1);
            if (length >= 5)
                outages.Add(new Outage(faultsFrom + TimeSpan.FromSeconds(starts[i]), TimeSpan.FromSeconds(length), Statuses[random.Next(Statuses.Length)]));
        }

        return new FaultPlan(seed, pairs, kills, delays, outages);
    }

    public TimeSpan OutageTotal => Outages.Aggregate(TimeSpan.Zero, (sum, o) => sum + o.Length);
}
