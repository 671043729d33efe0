using CrossCoaching.Pool.Matching;
using NodaTime;

namespace CrossCoaching.Tests.Pool;

public sealed class PoolMatcherTests
{
    private static readonly TimeSpan Session = TimeSpan.FromMinutes(30);

    private static PoolCandidate Member(ulong id, string zone, string windows, int waitedHours = 1, PoolLanguages languages = PoolLanguages.Both, bool someoneNew = false) =>
        new(id, DateTimeZoneProviders.Tzdb[zone], languages, [.. windows.Split(';').Select(Window)], someoneNew, Now.AddHours(-waitedHours));

    // "Mon 18:00-20:00"
    private static PoolWindow Window(string text)
    {
        var parts = text.Trim().Split(' ', '-');
        var day = Enum.GetValues<DayOfWeek>().Single(d => d.ToString().StartsWith(parts[0], StringComparison.Ordinal));
        return new PoolWindow(day, TimeOnly.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    // Wednesday 14 January 2026, 09:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 1, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Paris_evening_and_New_York_noon_meet_and_the_slot_is_the_first_overlap_after_now()
    {
        var matches = PoolMatcher.Match(
            [Member(1, "Europe/Paris", "Mon 18:00-20:00; Thu 18:00-19:00"), Member(2, "America/New_York", "Mon 12:00-14:00; Thu 12:00-14:00")],
            new PoolExclusions(), Session, Now);

        var match = Assert.Single(matches);
        // Thursday 15 January 18:00 in Paris is 17:00 UTC, noon in New York; it comes before next Monday.
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 17, 0, 0, TimeSpan.Zero), match.Slot);
        Assert.Equal(TimeSpan.FromHours(1), match.Overlap);
    }

    [Fact]
    public void The_weeks_between_the_American_and_European_clock_changes_shorten_an_overlap_below_a_session()
    {
        PoolCandidate[] pool = [Member(1, "Europe/Paris", "Mon 18:00-20:00"), Member(2, "America/New_York", "Mon 12:00-14:00")];
        var longSession = TimeSpan.FromMinutes(90);

        Assert.Single(PoolMatcher.Match(pool, new PoolExclusions(), longSession, Now));
        // New York went to summer time on 8 March 2026, Paris only on the 29th: noon there is 16:00 UTC, 18:00 in Paris 17:00 UTC.
        Assert.Empty(PoolMatcher.Match(pool, new PoolExclusions(), longSession, new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_window_that_runs_past_midnight_meets_one_on_the_next_morning_elsewhere()
    {
        // Sunday 23:00 to Monday 01:00 in Montreal is Monday 04:00 to 06:00 UTC, Monday 09:30 to 11:30 in Kolkata.
        var matches = PoolMatcher.Match(
            [Member(1, "America/Montreal", "Sun 23:00-01:00"), Member(2, "Asia/Kolkata", "Mon 10:00-12:00")],
            new PoolExclusions(), Session, Now);

        Assert.Equal(new DateTimeOffset(2026, 1, 19, 4, 30, 0, TimeSpan.Zero), Assert.Single(matches).Slot);
    }

    [Fact]
    public void Members_without_a_shared_language_or_with_too_short_an_overlap_are_not_matched()
    {
        Assert.Empty(PoolMatcher.Match(
            [Member(1, "Etc/UTC", "Mon 10:00-12:00", languages: PoolLanguages.French), Member(2, "Etc/UTC", "Mon 10:00-12:00", languages: PoolLanguages.English)],
            new PoolExclusions(), Session, Now));
        Assert.Empty(PoolMatcher.Match(
            [Member(1, "Etc/UTC", "Mon 10:00-12:00"), Member(2, "Etc/UTC", "Mon 11:45-13:00")], new PoolExclusions(), Session, Now));
    }

    [Fact]
    public void A_path_of_four_gets_two_pairs_even_when_its_middle_pair_overlaps_most()
    {
        // 1–2 overlap 30 min, 2–3 two hours, 3–4 30 min: a greedy pass on overlap alone would pair 2–3 and strand 1 and 4.
        var matches = PoolMatcher.Match(
            [
                Member(2, "Etc/UTC", "Mon 08:00-12:00", waitedHours: 9),
                Member(3, "Etc/UTC", "Mon 10:00-14:00", waitedHours: 8),
                Member(1, "Etc/UTC", "Mon 07:00-08:30"),
                Member(4, "Etc/UTC", "Mon 13:30-15:00"),
            ],
            new PoolExclusions(), Session, Now);

        Assert.Equal([(1ul, 2ul), (3ul, 4ul)], matches.Select(m => (Math.Min(m.First, m.Second), Math.Max(m.First, m.Second))).Order());
    }

    [Fact]
    public void Among_equally_many_pairs_the_larger_overlap_and_then_the_longer_wait_win()
    {
        var largerOverlap = PoolMatcher.Match(
            [Member(1, "Etc/UTC", "Tue 09:00-12:00", waitedHours: 5), Member(2, "Etc/UTC", "Tue 11:00-12:00", waitedHours: 4), Member(3, "Etc/UTC", "Tue 09:00-12:00")],
            new PoolExclusions(), Session, Now);
        var longerWait = PoolMatcher.Match(
            [Member(1, "Etc/UTC", "Tue 09:00-12:00", waitedHours: 3), Member(2, "Etc/UTC", "Tue 09:00-12:00", waitedHours: 2), Member(3, "Etc/UTC", "Tue 09:00-12:00", waitedHours: 9)],
            new PoolExclusions(), Session, Now);

        Assert.Equal((1ul, 3ul), (Assert.Single(largerOverlap).First, largerOverlap[0].Second));
        Assert.Equal((3ul, 1ul), (Assert.Single(longerWait).First, longerWait[0].Second));
    }

    [Fact]
    public void Someone_new_keeps_former_partners_apart_only_when_one_of_them_asked_for_it()
    {
        PoolCandidate[] again = [Member(1, "Etc/UTC", "Mon 10:00-12:00"), Member(2, "Etc/UTC", "Mon 10:00-12:00")];
        PoolCandidate[] someoneNew = [again[0], again[1] with { SomeoneNew = true }];

        Assert.Single(PoolMatcher.Match(again, new PoolExclusions().FormerPartners(2, 1), Session, Now));
        Assert.Empty(PoolMatcher.Match(someoneNew, new PoolExclusions().FormerPartners(2, 1), Session, Now));
        Assert.Empty(PoolMatcher.Match(again, new PoolExclusions().Block(2, 1), Session, Now));
        Assert.Empty(PoolMatcher.Match(again, new PoolExclusions().Declined(1, 2), Session, Now));
        Assert.Empty(PoolMatcher.Match(again, new PoolExclusions().Paired(1), Session, Now));
    }
}
