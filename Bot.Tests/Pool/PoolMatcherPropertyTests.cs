using CrossCoaching.Pool.Matching;

namespace CrossCoaching.Tests.Pool;

public sealed class PoolMatcherPropertyTests
{
    private const int Session = 45;

    [Fact]
    public void On_random_pools_of_up_to_twelve_the_matcher_forms_as_many_pairs_as_a_brute_force_search()
    {
        var random = new Random(2026);
        for (var round = 0; round < 300; round++)
        {
            var pool = RandomPool.Generate(random, random.Next(0, 13));
            var members = pool.Members;

            var matches = PoolMatcher.Match(members, pool.Exclusions(), TimeSpan.FromMinutes(Session), RandomPool.Now);

            var expected = BruteForce.MaximumPairs(members.Count, (a, b) => pool.Compatible(members[a], members[b], Session));
            Assert.Equal(expected, matches.Count);
        }
    }

    [Fact]
    public void No_proposed_pair_is_incompatible_and_each_slot_fits_both_for_a_whole_session()
    {
        var random = new Random(42);
        for (var round = 0; round < 300; round++)
        {
            var pool = RandomPool.Generate(random, random.Next(2, 13));
            var byId = pool.Members.ToDictionary(m => m.UserId);

            var matches = PoolMatcher.Match(pool.Members, pool.Exclusions(), TimeSpan.FromMinutes(Session), RandomPool.Now);

            Assert.Equal(matches.Count * 2, matches.SelectMany(m => new[] { m.First, m.Second }).Distinct().Count());
            foreach (var match in matches)
            {
                var (a, b) = (byId[match.First], byId[match.Second]);
                Assert.True(pool.Compatible(a, b, Session), $"{a.UserId} and {b.UserId} are not compatible");
                Assert.InRange(match.Slot, RandomPool.Now.AddMinutes(-1), RandomPool.Now.AddDays(8));
                Assert.True(RandomPool.FreeThroughout(a, match.Slot, Session), $"{a.UserId} is not free at {match.Slot:u}");
                Assert.True(RandomPool.FreeThroughout(b, match.Slot, Session), $"{b.UserId} is not free at {match.Slot:u}");
                Assert.True(match.Overlap >= TimeSpan.FromMinutes(Session));
            }
        }
    }

    [Fact]
    public void Someone_new_blocks_declines_and_members_already_paired_are_never_proposed()
    {
        var random = new Random(99);
        var excluded = 0;
        for (var round = 0; round < 300; round++)
        {
            var pool = RandomPool.Generate(random, random.Next(2, 13));
            // Everyone free at the same time and speaking both: only the exclusions keep anyone apart.
            var open = pool.Members.Select(m => m with
            {
                Zone = NodaTime.DateTimeZone.Utc,
                Languages = PoolLanguages.Both,
                Windows = [.. Enum.GetValues<DayOfWeek>().Select(d => new PoolWindow(d, new TimeOnly(9, 0), new TimeOnly(11, 0)))],
            }).ToList();

            var matches = PoolMatcher.Match(open, pool.Exclusions(), TimeSpan.FromMinutes(Session), RandomPool.Now);

            foreach (var match in matches)
            {
                var (a, b) = (open.Single(m => m.UserId == match.First), open.Single(m => m.UserId == match.Second));
                Assert.DoesNotContain(match.First, pool.Paired);
                Assert.DoesNotContain(match.Second, pool.Paired);
                Assert.DoesNotContain((a.UserId, b.UserId), pool.Blocks.Concat(pool.Blocks.Select(p => (p.Item2, p.Item1))));
                Assert.DoesNotContain((a.UserId, b.UserId), pool.Declines.Concat(pool.Declines.Select(p => (p.Item2, p.Item1))));
                if (a.SomeoneNew || b.SomeoneNew)
                    Assert.DoesNotContain((a.UserId, b.UserId), pool.FormerPartners.Concat(pool.FormerPartners.Select(p => (p.Item2, p.Item1))));
            }

            excluded += open.Count / 2 - matches.Count;
        }

        Assert.True(excluded > 0, "the exclusions never kept anyone apart: the property tested nothing");
    }
}
