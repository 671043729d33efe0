using CrossCoaching.Discord.Gateway;
using CrossCoaching.Hosting;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Discord.Gateway;

/// <summary>
/// Instances on one database share the shards through leases: each shard connected by one instance at a time, a dead
/// instance's shards taken over, a lost lease closing its connection at once. Passes are driven one by one on a fake
/// clock; each instance's sessions connect to scripted connections that never say HELLO.
/// </summary>
public sealed class ShardLeaserTests : IAsyncLifetime
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(40);
    private readonly FakeTimeProvider _time = new();
    private readonly List<Instance> _instances = [];
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.MigratedAsync();

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
            await instance.Shards.StopAllAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Two_instances_share_two_shards_one_each_and_never_the_same()
    {
        var a = Start("a");
        var b = Start("b");

        await a.PassAsync(2);
        Assert.Equal([0, 1], a.Shards.RunningIds); // alone at first: it runs both
        await b.PassAsync(2); // b counts itself in, finds nothing free
        await a.PassAsync(2); // a sees two instances and gives one back
        await b.PassAsync(2);

        Assert.Equal([0], a.Shards.RunningIds);
        Assert.Equal([1], b.Shards.RunningIds);
    }

    [Fact]
    public async Task The_status_for_readiness_lists_this_instances_leased_shards_once_the_first_pass_is_done()
    {
        var a = Start("a");
        var b = Start("b");
        await a.PassAsync(2);
        await b.PassAsync(2);
        await a.PassAsync(2);
        await b.PassAsync(2);

        var connection = await b.Connections.NextAsync();
        connection.PushHello(41250);
        await connection.NextSentAsync(2);
        connection.PushDispatch("READY", 1, GatewayHarness.ReadyJson());
        await WaitUntilAsync(() => b.Shards.Shards is [{ Connected: true }]);

        Assert.Equal([new CrossCoaching.Discord.ShardStatus(1, true)], b.Shards.Shards);
        Assert.Equal([new CrossCoaching.Discord.ShardStatus(0, false)], a.Shards.Shards);
    }

    [Fact]
    public async Task A_dead_instances_shard_is_taken_by_the_other_once_its_lease_expires()
    {
        var a = Start("a");
        var b = Start("b");
        await a.PassAsync(2);
        await b.PassAsync(2);
        await a.PassAsync(2);
        await b.PassAsync(2);

        // a dies: it renews nothing from here on.
        await a.Shards.StopAllAsync();
        _time.Advance(Ttl / 2);
        await b.PassAsync(2);
        Assert.Equal([1], b.Shards.RunningIds); // a's lease still holds

        _time.Advance(Ttl / 2 + TimeSpan.FromSeconds(1));
        await b.PassAsync(2);

        Assert.Equal([0, 1], b.Shards.RunningIds);
    }

    [Fact]
    public async Task A_lease_taken_over_closes_that_shards_connection_at_the_next_renewal()
    {
        var a = Start("a");
        await a.PassAsync(1);
        var connection = await a.Connections.NextAsync();
        var store = new ShardLeaseStore(_db.Connections);

        // Another instance took the lease (as after a's renewals stalled past its expiry).
        await store.ReleaseAsync(0, "a");
        Assert.True(await store.TryTakeAsync(0, 1, "b", _time.GetUtcNow(), _time.GetUtcNow() + Ttl));
        await a.PassAsync(1);

        Assert.Empty(a.Shards.RunningIds);
        Assert.Equal(1000, await connection.WaitClosedAsync());
    }

    [Fact]
    public async Task A_lease_not_renewed_closes_its_shard_when_it_expires_before_anyone_may_take_it()
    {
        var a = Start("a");
        await a.PassAsync(1);
        var connection = await a.Connections.NextAsync();
        connection.PushHello(41250);
        await connection.NextSentAsync(2);

        // The database is out of reach: no pass renews the lease.
        _time.Advance(Ttl);

        Assert.Equal(1000, await connection.WaitClosedAsync());
        await WaitUntilAsync(() => a.Shards.RunningIds.Count == 0);
    }

    [Fact]
    public async Task An_instance_that_stops_cleanly_gives_its_shards_back_at_once()
    {
        var a = Start("a");
        var b = Start("b");
        await a.PassAsync(2);
        await b.PassAsync(2);

        using var stop = new CancellationTokenSource();
        var running = a.Leaser.RunAsync(2, stop.Token);
        await stop.CancelAsync();
        await running;
        await b.PassAsync(2);

        Assert.Equal([0, 1], b.Shards.RunningIds);
    }

    [Fact]
    public async Task Instances_identify_in_one_bucket_a_turn_apart_and_in_another_bucket_at_once()
    {
        var store = new SharedStore(new ShardLeaseStore(_db.Connections));
        var logs = new CapturingLoggerProvider();
        var a = new IdentifyGate(new InstanceIdentity("a"), _time, logs.For<IdentifyGate>(), store);
        var b = new IdentifyGate(new InstanceIdentity("b"), _time, logs.For<IdentifyGate>(), store);

        await a.WaitTurnAsync(shardId: 0, maxConcurrency: 2, CancellationToken.None);
        var sameBucket = b.WaitTurnAsync(shardId: 2, maxConcurrency: 2, CancellationToken.None);
        await b.WaitTurnAsync(shardId: 1, maxConcurrency: 2, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(100);
        Assert.False(sameBucket.IsCompleted);

        _time.Advance(IdentifyGate.Window);

        await sameBucket.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>The store as PostgreSQL presents it (shared), on whichever provider the test runs.</summary>
    private sealed class SharedStore(IShardLeaseStore inner) : IShardLeaseStore
    {
        public bool Shared => true;

        public Task<int> CheckInAsync(string owner, DateTimeOffset now, DateTimeOffset liveSince, CancellationToken cancellationToken = default) =>
            inner.CheckInAsync(owner, now, liveSince, cancellationToken);

        public Task<bool> RenewAsync(int shardId, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
            inner.RenewAsync(shardId, owner, now, expiresAt, cancellationToken);

        public Task<IReadOnlyList<int>> FreeAsync(int shardCount, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            inner.FreeAsync(shardCount, now, cancellationToken);

        public Task<bool> TryTakeAsync(int shardId, int shardCount, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
            inner.TryTakeAsync(shardId, shardCount, owner, now, expiresAt, cancellationToken);

        public Task ReleaseAsync(int shardId, string owner, CancellationToken cancellationToken = default) => inner.ReleaseAsync(shardId, owner, cancellationToken);

        public Task LeaveAsync(string owner, CancellationToken cancellationToken = default) => inner.LeaveAsync(owner, cancellationToken);

        public Task<DateTimeOffset?> TryClaimIdentifyAsync(int bucket, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default) =>
            inner.TryClaimIdentifyAsync(bucket, owner, now, until, cancellationToken);
    }

    private Instance Start(string id)
    {
        var instance = new Instance(id, _db.Connections, _time);
        _instances.Add(instance);
        return instance;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
            await Task.Delay(10);
        Assert.True(condition());
    }

    private sealed class Instance
    {
        public Instance(string id, SqliteConnectionFactory connections, FakeTimeProvider time)
        {
            var logs = new CapturingLoggerProvider();
            var options = new CrossCoaching.Discord.DiscordOptions { Token = GatewayHarness.Token };
            var urls = new GatewayUrlProvider(new FakeGatewayApi(GatewayHarness.GatewayUrl), Microsoft.Extensions.Options.Options.Create(options));
            var dispatcher = new GatewayDispatcher([], logs.For<GatewayDispatcher>());
            var exit = new BotExit(new FakeLifetime(), logs.For<BotExit>());
            Shards = new GatewayShards(time, logs.For<GatewayShards>());
            Leaser = new ShardLeaser(new ShardLeaseStore(connections), Shards,
                shard => new GatewaySession(shard, options.Token, Connections, urls, dispatcher, new FixedJitter(0.5), exit, time, logs.For<GatewaySession>()),
                new InstanceIdentity(id), Ttl, time, logs.For<ShardLeaser>());
        }

        public ScriptedGatewayConnectionFactory Connections { get; } = new();

        public GatewayShards Shards { get; }

        public ShardLeaser Leaser { get; }

        public Task PassAsync(int shardCount) => Leaser.PassAsync(shardCount, CancellationToken.None);
    }
}
