using CrossCoaching.Discord.Rest;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Discord.Rest;

/// <summary>
/// Discord's global limit is per bot: the instances on one database split it, each from its own count of the live
/// instances at each heartbeat, and never ask for more together than Discord allows while they come and go.
/// </summary>
public sealed class GlobalShareTests
{
    private const int DiscordLimit = 50;
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_instance_alone_keeps_the_whole_budget_as_before()
    {
        var share = new GlobalShare(_clock);

        Assert.Equal(GlobalShare.Budget, share.PerSecond());
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(GlobalShare.Budget, share.PerSecond());
    }

    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 20)]
    [InlineData(3, 13)]
    [InlineData(4, 10)]
    [InlineData(40, GlobalShare.Floor)]
    public void Live_instances_split_the_budget_evenly(int live, int expected)
    {
        var share = Settled(live);

        Assert.Equal(expected, share.PerSecond());
        Assert.True(live * share.PerSecond() <= GlobalShare.Budget || share.PerSecond() == GlobalShare.Floor);
    }

    [Fact]
    public void A_joining_instance_sends_at_the_floor_until_every_other_instance_has_counted_it()
    {
        var share = new GlobalShare(_clock);
        share.Joined();
        share.Counted(2);

        Assert.Equal(GlobalShare.Floor, share.PerSecond());
        _clock.Advance(Heartbeat);
        share.Counted(2);
        _clock.Advance(GlobalShare.Settling - Heartbeat - TimeSpan.FromMilliseconds(1));
        Assert.Equal(GlobalShare.Floor, share.PerSecond());
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        share.Counted(2);
        Assert.Equal(20, share.PerSecond());
    }

    [Fact]
    public void An_instance_whose_count_is_stale_falls_to_the_floor_before_the_others_may_take_it_for_dead()
    {
        var share = Settled(2);
        Assert.Equal(20, share.PerSecond());

        _clock.Advance(GlobalShare.Fresh);
        Assert.Equal(20, share.PerSecond());
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(GlobalShare.Floor, share.PerSecond());
        Assert.True(GlobalShare.Fresh < CrossCoaching.Storage.InstanceHeartbeat.DeadAfter);
        share.Counted(2);
        Assert.Equal(20, share.PerSecond());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(3.3)]
    [InlineData(9.9)]
    public void Two_instances_never_ask_for_more_than_Discord_allows_while_the_second_joins_and_the_first_stops(double phase)
    {
        // One clock, two instances whose heartbeats tick out of phase, reading the same table of live instances.
        var first = new GlobalShare(_clock);
        var second = new GlobalShare(_clock);
        var live = 1;
        first.Joined();
        first.Counted(live);
        _clock.Advance(GlobalShare.Settling + TimeSpan.FromSeconds(phase));
        first.Counted(live);
        var start = _clock.GetUtcNow();
        var firstBeat = start;
        DateTimeOffset? secondBeat = null;
        var firstStopped = false;
        var seen = new List<int>();
        for (var step = 0; step < 1200; step++)
        {
            var now = _clock.GetUtcNow();
            if (step == 50)
            {
                live = 2;
                second.Joined();
                second.Counted(live);
                secondBeat = now;
            }
            if (step == 800)
                (live, firstStopped) = (1, true);
            if (!firstStopped && now - firstBeat >= Heartbeat)
            {
                first.Counted(live);
                firstBeat = now;
            }
            if (secondBeat is { } beat && now - beat >= Heartbeat)
            {
                second.Counted(live);
                secondBeat = now;
            }
            var together = (firstStopped ? 0 : first.PerSecond()) + (secondBeat is null ? 0 : second.PerSecond());
            seen.Add(together);
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.All(seen, s => Assert.InRange(s, 1, DiscordLimit));
        Assert.Equal(GlobalShare.Budget, seen[49]);
        Assert.Equal(GlobalShare.Budget, seen[799]);
        Assert.Equal(GlobalShare.Budget, seen[^1]);
    }

    [Fact]
    public async Task The_limiter_lets_an_instance_send_its_share_a_second_and_the_gauge_shows_it()
    {
        var meters = MetricRecorder.NewFactory();
        using var metrics = new MetricRecorder(meters);
        var share = Settled(2);
        var limiter = new GlobalRateLimiter(_clock, share, meters);

        var slots = new List<IDisposable>();
        for (var i = 0; i < 20; i++)
            slots.Add(await limiter.AcquireAsync(CancellationToken.None));
        var next = limiter.AcquireAsync(CancellationToken.None);
        metrics.Observe();

        Assert.False(next.IsCompleted);
        Assert.Equal(20, Assert.Single(metrics.Of("crosscoaching.discord.rest.global_share")).Value);
        slots.ForEach(s => s.Dispose());
        _clock.Advance(TimeSpan.FromSeconds(1));
        share.Counted(2);
        (await next).Dispose();
    }

    private GlobalShare Settled(int live)
    {
        var share = new GlobalShare(_clock);
        share.Joined();
        _clock.Advance(GlobalShare.Settling);
        share.Counted(live);
        return share;
    }
}
