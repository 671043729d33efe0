using CrossCoaching.Discord;
using CrossCoaching.Discord.Rest;
using CrossCoaching.Tests.Discord.Rest.Support;
using CrossCoaching.Tests.Fakes;

namespace CrossCoaching.Tests.Discord.Rest;

/// <summary>Every 429 Discord answers is counted, by route template and scope.</summary>
public sealed class RateLimitMetricsTests
{
    [Fact]
    public async Task A_429_is_counted_once_with_its_route_and_scope()
    {
        var meters = MetricRecorder.NewFactory();
        using var metrics = new MetricRecorder(meters);
        using var rest = new RestHarness(new DiscordMetrics(meters));
        rest.Discord.On("POST", "channels/5/messages", _ => Reply.RateLimited(1.5, global: true));
        rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message("901"));

        var post = rest.Client.CreateMessageAsync(new Snowflake(5), MessageSpec.Text("hi"));
        await rest.Clock.WaitForPendingAsync(1);
        rest.Clock.Advance(TimeSpan.FromSeconds(1.5) + RestRateLimiter.Margin);
        await post;

        var limited = Assert.Single(metrics.Of("crosscoaching.discord.rest.rate_limited"));
        Assert.Equal("global", limited.Tag("scope"));
        Assert.Contains("messages", limited.Tag("route"), StringComparison.Ordinal);
    }
}
