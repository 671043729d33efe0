using CrossCoaching.Tests.Fakes;
using Quartz;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>
/// On SQLite the scheduler holds its near horizon in memory: the database is the source of truth and the reconciler
/// re-arms from it at every start, so a store of its own would only cost memory and a write per trigger.
/// </summary>
public sealed class SchedulerStoreTests
{
    [Fact]
    public async Task On_sqlite_the_scheduler_keeps_its_triggers_in_memory_and_the_old_scheduler_file_is_removed_at_start()
    {
        using var folder = new TempFolder();
        // A scheduler file an earlier version left beside the database, with its write-ahead log.
        await File.WriteAllTextAsync(folder.File("bot.scheduler.db"), "left by an earlier version");
        await File.WriteAllTextAsync(folder.File("bot.scheduler.db-wal"), "left by an earlier version");

        await using var h = await StartAsync(Monday, new() { ["ConnectionStrings:CrossCoaching"] = $"Data Source={folder.File("bot.db")}" });
        var scheduler = await h.Get<ISchedulerFactory>().GetScheduler();

        Assert.False((await scheduler.GetMetadata()).JobStorePersistent);
        Assert.False(File.Exists(folder.File("bot.scheduler.db")));
        Assert.False(File.Exists(folder.File("bot.scheduler.db-wal")));
    }
}
