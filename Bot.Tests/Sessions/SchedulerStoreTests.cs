using CrossCoaching.Hosting;
using CrossCoaching.Sessions;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Tests.Fakes;
using Quartz;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>
/// On SQLite the scheduler holds its near horizon in memory: the database is the source of truth, and a new process
/// arms from it, before it starts, what the durable store would have kept across a crash.
/// </summary>
public sealed class SchedulerStoreTests
{
    private static readonly DateTimeOffset Slot = Monday.AddHours(1); // Monday 14:00 in Paris

    private static Dictionary<string, string?> On(TempFolder folder) => new() { ["ConnectionStrings:CrossCoaching"] = $"Data Source={folder.File("bot.db")}" };

    [Fact]
    public async Task On_sqlite_the_scheduler_keeps_its_triggers_in_memory_and_the_old_scheduler_file_is_removed_at_start()
    {
        using var folder = new TempFolder();
        // A scheduler file an earlier version left beside the database, with its write-ahead log.
        await File.WriteAllTextAsync(folder.File("bot.scheduler.db"), "left by an earlier version");
        await File.WriteAllTextAsync(folder.File("bot.scheduler.db-wal"), "left by an earlier version");

        await using var h = await StartAsync(Monday, On(folder));
        var scheduler = await h.Get<ISchedulerFactory>().GetScheduler();

        Assert.False((await scheduler.GetMetadata()).JobStorePersistent);
        Assert.False(File.Exists(folder.File("bot.scheduler.db")));
        Assert.False(File.Exists(folder.File("bot.scheduler.db-wal")));
    }

    [Fact]
    public async Task A_new_process_finds_the_overdue_and_the_near_steps_armed_before_it_starts_and_nothing_beyond_the_horizon()
    {
        using var folder = new TempFolder();
        long session;
        await using (var before = await StartAsync(Monday, On(folder)))
        {
            before.Cache.AddGuild(Guild, RoomPermissions.Wanted);
            await before.RitualAsync(await before.PairAsync(), MondayAt14);
            await before.Get<Reconciler>().RunOnceAsync();
            session = (await before.Get<SessionRepository>().ListUnfinishedAsync()).Single().Id;
        }

        // Down from 13:00 to 14:16 in Paris: the reminder, the preparation, the opening and the warning fell due meanwhile,
        // the close (at 14:20) is due in four minutes. No reconcile pass has run in the new process: the host is not started.
        await using var after = await StartAsync(Slot.AddMinutes(16), On(folder));
        var scheduler = await after.Get<ISchedulerFactory>().GetScheduler();

        Assert.Null((await scheduler.GetMetadata()).RunningSince); // not started: whatever it holds was armed before the start
        foreach (var step in Enum.GetValues<SessionStep>())
        {
            var trigger = await scheduler.GetTrigger(SessionScheduler.Key(session, step));
            Assert.NotNull(trigger);
            // Armed for its own due time, past or not, so that the scheduler's misfire rules decide at its start.
            var due = (await after.Get<SessionRepository>().GetStepsAsync(session)).Single(s => s.Step == step).DueAt;
            Assert.Equal(due, trigger.StartTimeUtc);
        }
        Assert.Equal(5, (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupStartsWith("session-"))).Count);
        Assert.Equal(after.Time.GetUtcNow().AddMinutes(120), await after.Get<StepHorizon>().PlannedUntilAsync());
    }
}
