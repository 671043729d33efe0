using CrossCoaching.Benchmarks;
using CrossCoaching.Hosting;
using CrossCoaching.Sessions;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Tests.Fakes;
using Dapper;
using CrossCoaching.Storage;
using Quartz;

namespace CrossCoaching.Tests.BenchmarkTests;

/// <summary>
/// The rituals benchmark in miniature: a seeded community (2,000 rituals, 20 servers) under the real service graph.
/// The scheduler gets only the steps of the next two hours, and a pass plans no session twice.
/// </summary>
public sealed class RitualsSmokeTests
{
    [Fact]
    public async Task A_seeded_community_gets_only_its_near_steps_armed_and_a_later_pass_arms_only_what_came_within_reach()
    {
        using var folder = new TempFolder();
        var now = FeatureHarness.Monday;
        await RitualSeeder.SeedAsync(folder.File("bot.db"), rituals: 2_000, guilds: 20, now);
        await using var h = await FeatureHarness.StartAsync(now, new() { ["ConnectionStrings:CrossCoaching"] = $"Data Source={folder.File("bot.db")}" });

        await h.Get<Reconciler>().RunOnceAsync();
        var near = await PendingDueByAsync(h, now.AddMinutes(120));
        Assert.InRange(near, 1, 2_000 * 5 / 10); // a week's steps spread out: a small share is within two hours
        Assert.Equal(near, await TriggersAsync(h));
        Assert.Equal(2_000, (await h.Get<SessionRepository>().ListUnfinishedAsync()).Count);

        // Half an hour on: the steps that came within reach are armed, and still none beyond the horizon.
        h.Time.Advance(TimeSpan.FromMinutes(30));
        await h.Get<Reconciler>().RunOnceAsync();
        var until = now.AddMinutes(150);
        foreach (var step in await h.Get<DueSteps>().BetweenAsync(h.Time.GetUtcNow(), until))
            Assert.True(await h.Get<SessionScheduler>().IsArmedAsync(step.SessionId, step.Step));
        var scheduler = await h.Get<ISchedulerFactory>().GetScheduler();
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup()))
            Assert.True((await scheduler.GetTrigger(key))!.StartTimeUtc <= until);
    }

    private static async Task<long> PendingDueByAsync(FeatureHarness h, DateTimeOffset until)
    {
        await using var db = await h.Get<SqliteConnectionFactory>().OpenAsync();
        return await db.ExecuteScalarAsync<long>("SELECT count(*) FROM session_steps WHERE state = 'pending' AND due_at <= @until", new { until });
    }

    private static async Task<int> TriggersAsync(FeatureHarness h) =>
        (await (await h.Get<ISchedulerFactory>().GetScheduler()).GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup())).Count;
}
