using CrossCoaching.Discord;
using CrossCoaching.Hosting;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>In-memory state kept per session, guild or channel shrinks back once the work is done.</summary>
public sealed class BoundedStateTests
{
    [Fact]
    public async Task A_keyed_lock_forgets_every_key_once_nobody_holds_or_waits_for_it()
    {
        var locks = new KeyedLock<int>();
        using var cancelled = new CancellationTokenSource();
        var held = await locks.AcquireAsync(-1);
        var waiting = locks.AcquireAsync(-1, cancelled.Token);

        await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
        {
            using var _ = await locks.AcquireAsync(i % 50);
            await Task.Yield();
        }));
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, locks.Count);
        held.Dispose();

        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public void A_recent_set_never_holds_more_than_its_capacity()
    {
        var set = new RecentSet<int>(capacity: 3);
        foreach (var i in Enumerable.Range(0, 10))
            set.Add(i);

        Assert.Equal(3, set.Count);
        Assert.False(set.TryTake(0));
        Assert.True(set.TryTake(9));
        Assert.Equal(2, set.Count);
    }

    [Fact]
    public async Task After_many_sessions_no_session_lock_and_no_pending_deletion_is_left_in_memory()
    {
        await using var h = await StartAsync(Monday);
        h.Cache.AddGuild(Guild, RoomPermissions.Wanted);
        var sessions = new List<Session>();
        for (var i = 0; i < 20; i++)
        {
            var pair = await h.PairAsync(new Snowflake(100 + (2 * (ulong)i)), new Snowflake(101 + (2 * (ulong)i)));
            sessions.Add((await h.Get<ImpromptuSessions>().PlanAsync(pair, 15)).Session!);
        }

        foreach (var step in new[] { SessionStep.Prepare, SessionStep.Open, SessionStep.Warn, SessionStep.Close })
            foreach (var session in sessions)
                await h.RunStepAtDueAsync(session, step);
        Assert.Equal(20, h.Api.ChannelsDeleted().Count);
        foreach (var room in h.Api.ChannelsDeleted()) // the gateway's CHANNEL_DELETE for each room the bot deleted
            await h.Get<RoomEvents>().HandleAsync(new ChannelDeleted(new Channel(room, ChannelType.GuildVoice, Guild, null, "room", [])));

        Assert.Equal(0, h.Get<IClusterLocks>().Count);
        Assert.Equal(0, await h.Get<RoomService>().DeletionsAwaitingEventAsync());
    }
}
