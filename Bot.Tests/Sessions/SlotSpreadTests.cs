using CrossCoaching.Discord;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>Sessions sharing a slot spread their room creations ahead of it and their closes after it.</summary>
public sealed class SlotSpreadTests
{
    private static readonly SessionOptions Options = new() { RoomLeadSeconds = 60, RoomsPerMinute = 30, RoomsPerSecondInAll = 10, ClosesPerSecond = 10 };

    [Fact]
    public void Rooms_of_one_slot_stay_a_server_s_interval_apart_in_each_server_and_the_bot_s_interval_apart_in_all()
    {
        // Two servers planned one after the other: 3 rooms in the first, then 3 in the second.
        var first = Enumerable.Range(1, 3).Select(n => SlotSpread.PrepareLead(n, n, Options)).ToList();
        var second = Enumerable.Range(1, 3).Select(n => SlotSpread.PrepareLead(n, 3 + n, Options)).ToList();
        var all = first.Concat(second).OrderBy(l => l).ToList();

        Assert.All(first.Zip(first.Skip(1)).Concat(second.Zip(second.Skip(1))), p => Assert.True(p.Second - p.First >= TimeSpan.FromSeconds(2)));
        Assert.All(all.Zip(all.Skip(1)), p => Assert.True(p.Second - p.First >= TimeSpan.FromSeconds(0.1)));
        Assert.True(first[0] >= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Closes_due_at_the_same_moment_are_spread_at_the_configured_pace_and_never_before_the_grace()
    {
        await using var h = await StartAsync(Monday);
        h.Cache.AddGuild(Guild, RoomPermissions.Wanted | Permissions.EmbedLinks);
        var dues = new List<DateTimeOffset>();
        for (var i = 0; i < 3; i++)
        {
            var pair = await h.PairAsync(new Snowflake(100 + (2 * (ulong)i)), new Snowflake(101 + (2 * (ulong)i)));
            await h.RitualAsync(pair, MondayAt14, reminder: 0);
            var session = (await h.Get<SessionPlanner>().PlanNextAsync(pair.Id))!;
            dues.Add((await h.Get<SessionRepository>().GetStepsAsync(session.Id)).Single(s => s.Step == SessionStep.Close).DueAt);
        }

        var closeAt = Monday.AddHours(1).AddMinutes(15 + 5); // 14:00 Paris + 15 min + the 5 min grace
        Assert.Equal([closeAt, closeAt.AddSeconds(0.1), closeAt.AddSeconds(0.2)], dues);
    }
}
