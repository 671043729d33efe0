using CrossCoaching.Pool.Matching;
using NodaTime;

namespace CrossCoaching.Tests.Pool;

/// <summary>
/// Random pools for the matcher's properties, and an oracle that decides compatibility on its own terms: the raw
/// lists of exclusions and a minute-by-minute map of each member's windows, nothing shared with the matcher.
/// </summary>
internal sealed class RandomPool
{
    // A January week: none of these zones changes its clocks then, so a weekly overlap is the same every week.
    public static readonly DateTimeOffset Now = new(2026, 1, 14, 9, 17, 31, TimeSpan.Zero);

    private static readonly string[] Zones =
        ["Etc/UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "Pacific/Chatham", "America/Montreal"];

    public List<PoolCandidate> Members { get; } = [];
    public List<(ulong, ulong)> FormerPartners { get; } = [];
    public List<(ulong, ulong)> Blocks { get; } = [];
    public List<(ulong, ulong)> Declines { get; } = [];
    public HashSet<ulong> Paired { get; } = [];

    public static RandomPool Generate(Random random, int size)
    {
        var pool = new RandomPool();
        for (var i = 0; i < size; i++)
        {
            var windows = Enumerable.Range(0, random.Next(1, 4)).Select(_ => new PoolWindow(
                (DayOfWeek)random.Next(7),
                new TimeOnly(random.Next(24), random.Next(2) * 30),
                new TimeOnly(random.Next(24), random.Next(4) * 15))).ToList();
            pool.Members.Add(new PoolCandidate(
                (ulong)(100 + i),
                DateTimeZoneProviders.Tzdb[Zones[random.Next(Zones.Length)]],
                (PoolLanguages)random.Next(1, 4),
                windows,
                random.Next(3) == 0,
                Now.AddHours(-random.Next(1, 500))));
        }

        ulong Anyone() => (ulong)(100 + random.Next(size));
        for (var i = 0; i < size / 2; i++)
        {
            pool.FormerPartners.Add((Anyone(), Anyone()));
            pool.Blocks.Add((Anyone(), Anyone()));
            pool.Declines.Add((Anyone(), Anyone()));
        }

        if (random.Next(3) == 0)
            pool.Paired.Add(Anyone());
        return pool;
    }

    public PoolExclusions Exclusions()
    {
        var exclusions = new PoolExclusions();
        foreach (var (a, b) in FormerPartners)
            exclusions.FormerPartners(a, b);
        foreach (var (a, b) in Blocks)
            exclusions.Block(a, b);
        foreach (var (a, b) in Declines)
            exclusions.Declined(a, b);
        foreach (var user in Paired)
            exclusions.Paired(user);
        return exclusions;
    }

    public bool Compatible(PoolCandidate a, PoolCandidate b, int sessionMinutes)
    {
        static bool Either(List<(ulong, ulong)> list, ulong x, ulong y) => list.Contains((x, y)) || list.Contains((y, x));
        if (a.UserId == b.UserId || Paired.Contains(a.UserId) || Paired.Contains(b.UserId))
            return false;
        if (!a.Languages.HasFlag(PoolLanguages.English) || !b.Languages.HasFlag(PoolLanguages.English))
        {
            if (!a.Languages.HasFlag(PoolLanguages.French) || !b.Languages.HasFlag(PoolLanguages.French))
                return false;
        }

        if (Either(Blocks, a.UserId, b.UserId) || Either(Declines, a.UserId, b.UserId))
            return false;
        if ((a.SomeoneNew || b.SomeoneNew) && Either(FormerPartners, a.UserId, b.UserId))
            return false;
        return LongestCommonRun(a, b) >= sessionMinutes;
    }

    /// <summary>The longest stretch of minutes both members are free, over a week and a half around now.</summary>
    public static int LongestCommonRun(PoolCandidate a, PoolCandidate b)
    {
        var (ma, mb) = (Minutes(a), Minutes(b));
        int run = 0, longest = 0;
        for (var m = 0; m < ma.Length; m++)
        {
            run = ma[m] && mb[m] ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    /// <summary>Whether a member is free for the whole session starting at <paramref name="slot"/>.</summary>
    public static bool FreeThroughout(PoolCandidate member, DateTimeOffset slot, int sessionMinutes)
    {
        var minutes = Minutes(member);
        var start = (int)(slot - Origin).TotalMinutes;
        return Enumerable.Range(start, sessionMinutes).All(m => minutes[m]);
    }

    private static readonly DateTimeOffset Origin = Now.AddDays(-2);

    // One flag per minute from two days before now to ten days after, set by walking each window's local minutes.
    private static bool[] Minutes(PoolCandidate member)
    {
        var map = new bool[12 * 24 * 60];
        var today = LocalDate.FromDateTime(Now.UtcDateTime).PlusDays(-3);
        for (var d = 0; d < 16; d++)
        {
            var date = today.PlusDays(d);
            foreach (var w in member.Windows.Where(w => (int)w.Day == (int)date.DayOfWeek % 7))
            {
                var start = member.Zone.AtLeniently(date.At(LocalTime.FromTimeOnly(w.Start))).ToDateTimeOffset();
                for (var m = 0; m < (int)w.Length.TotalMinutes; m++)
                {
                    var index = (int)(start.AddMinutes(m) - Origin).TotalMinutes;
                    if (index >= 0 && index < map.Length)
                        map[index] = true;
                }
            }
        }

        return map;
    }
}
