using CrossCoaching.Discord;
using CrossCoaching.Discord.Rest;
using CrossCoaching.Tests.Discord.Rest.Support;

namespace CrossCoaching.Tests.Discord.Rest;

public sealed class RateLimitBucketsTests
{
    private readonly TestClock _clock = new();

    [Fact]
    public void A_route_uses_its_template_as_bucket_until_discord_names_the_bucket()
    {
        var buckets = new RateLimitBuckets(_clock);
        var create = RestRoutes.CreateMessage(new Snowflake(5));
        var edit = RestRoutes.EditMessage(new Snowflake(5), new Snowflake(9));

        Assert.NotSame(buckets.Current(create), buckets.Current(edit));
        buckets.LearnHash(create, "abc");
        buckets.LearnHash(edit, "abc");

        Assert.Same(buckets.Current(create), buckets.Current(edit));
        Assert.NotSame(buckets.Current(create), buckets.Current(RestRoutes.CreateMessage(new Snowflake(6))));
    }

    [Fact]
    public void Idle_buckets_are_forgotten_but_spent_ones_are_kept_until_their_reset()
    {
        var buckets = new RateLimitBuckets(_clock);
        for (var i = 1; i <= 20; i++)
            buckets.Return(buckets.Rent(RestRoutes.InteractionCallback(new Snowflake((ulong)i), "token")));
        var spent = buckets.Rent(RestRoutes.CreateMessage(new Snowflake(5)));
        spent.Update(remaining: 0, TimeSpan.FromMinutes(10), _clock.GetUtcNow());
        buckets.Return(spent);
        var busy = buckets.Rent(RestRoutes.CreateMessage(new Snowflake(6)));
        Assert.Equal(22, buckets.Count);

        _clock.Advance(TimeSpan.FromMinutes(2));
        buckets.Return(buckets.Rent(RestRoutes.CurrentUser()));

        Assert.Equal(3, buckets.Count);
        Assert.Same(spent, buckets.Current(RestRoutes.CreateMessage(new Snowflake(5))));
        Assert.Same(busy, buckets.Current(RestRoutes.CreateMessage(new Snowflake(6))));
    }

    [Fact]
    public void A_429_never_shortens_a_longer_known_wait()
    {
        var bucket = new RateLimitBucket();
        var now = _clock.GetUtcNow();
        bucket.Update(remaining: 0, TimeSpan.FromSeconds(10), now);

        bucket.Block(TimeSpan.FromSeconds(2), now);

        Assert.Equal(TimeSpan.FromSeconds(10), bucket.WaitTime(now));
    }
}
