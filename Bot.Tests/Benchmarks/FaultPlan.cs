namespace CrossCoaching.Benchmarks;

/// <summary>A pair of the scripted day: its server, its slot (minutes after the day's first slot), its ritual's length and reminder.</summary>
public sealed record DayPair(int Guild, int SlotMinute, int DurationMinutes, int ReminderMinutes);

/// <summary>A window in which Discord answers every message post with <see cref="Status"/>.</summary>
public sealed record Outage(TimeSpan Start, TimeSpan Length, int Status)
{
    public bool Covers(TimeSpan at) => at >= Start && at < Start + Length;
}

/// <summary>
/// The rooms category faults: server <see cref="OverflowGuild"/>'s category starts with <see cref="OverflowFill"/> of
/// its 50 channels taken, so the day's rooms overflow into a category the bot makes; server <see cref="DeletedGuild"/>'s
/// category is deleted by hand at <see cref="DeletedAt"/>.
/// </summary>
public sealed record CategoryFaults(int OverflowGuild, int OverflowFill, int DeletedGuild, TimeSpan DeletedAt);

/// <summary>
/// The scripted day and its faults, all drawn from one seed so that a run can be repeated: the pairs and their slots,
/// the instants (after the bot's first start) at which its process is killed, how long each restart waits, and the
/// windows in which message posts fail.
/// </summary>
public sealed record FaultPlan(int Seed, IReadOnlyList<DayPair> Pairs, IReadOnlyList<TimeSpan> Kills, IReadOnlyList<TimeSpan> RestartDelays,
    IReadOnlyList<Outage> Outages, IReadOnlyList<Outage> LostAnswers, CategoryFaults Categories)
{
    public const int Guilds = 4, PairsPerGuild = 16, SlotMinutes = 8, KillCount = 100, OutageCount = 12, LostAnswerCount = 6;

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

        // Drawn from a second generator, after everything above, so a seed keeps the day, kills and outages it had
        // before these faults existed. Lost-answer windows may overlap an outage (the outage wins: nothing is created).
        var more = new Random(unchecked((seed * 7919) + 17));
        var lost = Enumerable.Range(0, LostAnswerCount)
            .Select(_ => more.NextDouble() * span).Order()
            .Select(s => new Outage(faultsFrom + TimeSpan.FromSeconds(s), TimeSpan.FromSeconds(10 + (more.NextDouble() * 30)), more.Next(2) == 0 ? 502 : 504))
            .ToList();
        var overflowGuild = more.Next(Guilds);
        var deletedGuild = (overflowGuild + 1 + more.Next(Guilds - 1)) % Guilds;
        var categories = new CategoryFaults(overflowGuild, 50 - 2 - more.Next(3), deletedGuild, faultsFrom + TimeSpan.FromSeconds(more.NextDouble() * span));
        return new FaultPlan(seed, pairs, kills, delays, outages, lost, categories);
    }

    public TimeSpan LostAnswerTotal => LostAnswers.Aggregate(TimeSpan.Zero, (sum, o) => sum + o.Length);

    /// <summary>Whether message posts were failing (not merely losing their answers) at <paramref name="at"/>, or up to <paramref name="slack"/> before.</summary>
    public bool PostsFailing(TimeSpan at, TimeSpan slack) => Outages.Any(o => o.Start <= at && at < o.Start + o.Length + slack);

    public TimeSpan OutageTotal => Outages.Aggregate(TimeSpan.Zero, (sum, o) => sum + o.Length);
}
