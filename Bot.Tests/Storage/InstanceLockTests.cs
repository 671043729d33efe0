using CrossCoaching.Hosting;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;

namespace CrossCoaching.Tests.Storage;

public sealed class InstanceLockTests
{
    [Fact]
    public async Task A_second_instance_on_the_same_database_refuses_to_start()
    {
        using var db = new TestDatabase();
        using var first = new InstanceLock(db.Connections);
        await first.RunAsync();

        using var second = new InstanceLock(db.Connections);
        var error = await Assert.ThrowsAsync<StartupException>(() => second.RunAsync());

        Assert.Contains("Another CrossCoaching process", error.Message, StringComparison.Ordinal);
        Assert.Contains(db.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lock_is_free_again_once_the_first_instance_stops()
    {
        using var db = new TestDatabase();
        var first = new InstanceLock(db.Connections);
        await first.RunAsync();
        first.Dispose();

        using var second = new InstanceLock(db.Connections);
        await second.RunAsync();
    }
}
