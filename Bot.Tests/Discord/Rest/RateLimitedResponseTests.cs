using CrossCoaching.Discord.Rest;
using CrossCoaching.Discord;
using CrossCoaching.Tests.Discord.Rest.Support;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Tests.Discord.Rest;

/// <summary>429 answers: wait what Discord asks, for one bucket or for all (global), then try again.</summary>
public sealed class RateLimitedResponseTests : IDisposable
{
    private readonly RestHarness _rest = new();

    public void Dispose() => _rest.Dispose();

    private Task<Message> Post(ulong channel, string text = "hi") =>
        _rest.Client.CreateMessageAsync(new Snowflake(channel), MessageSpec.Text(text));

    [Fact]
    public async Task A_429_is_retried_only_after_retry_after_and_then_succeeds()
    {
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.RateLimited(1.5));
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message("901"), times: 2);

        var first = Post(5, "first");
        await _rest.Clock.WaitForPendingAsync(1);
        Assert.Equal(TimeSpan.FromSeconds(1.5) + RestRateLimiter.Margin, _rest.Clock.LastDue);
        var second = Post(5, "second");
        await _rest.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(1.5) + RestRateLimiter.Margin, sentBefore: 1);

        Assert.Equal(new Snowflake(901), (await first).Id);
        await second;
        Assert.Equal(["first", "first", "second"], _rest.Discord.Requests.Select(r => (string)r.Json["content"]!));
    }

    [Fact]
    public async Task Without_a_body_the_Retry_After_header_gives_the_wait()
    {
        _rest.Discord.On("GET", "users/@me", _ =>
        {
            var response = Reply.ServerError(429);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
            return response;
        });
        _rest.Discord.On("GET", "users/@me", _ => Reply.Json("""{"id":"1","username":"bot"}"""));

        var user = _rest.Client.GetCurrentUserAsync();
        await _rest.Clock.WaitForPendingAsync(1);
        await _rest.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(3) + RestRateLimiter.Margin, sentBefore: 1);

        await user;
        Assert.Equal(2, _rest.Discord.Count);
    }

    [Fact]
    public async Task A_global_429_pauses_other_buckets_but_not_interaction_callbacks()
    {
        var token = RestHarness.InteractionToken;
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.RateLimited(2, global: true));
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message());
        _rest.Discord.On("GET", "guilds/1/members/2", _ => Reply.Json("""{"user":{"id":"2","username":"b"},"roles":[]}"""));
        _rest.Discord.On("POST", $"interactions/7/{token}/callback", _ => Reply.NoContent());

        var limited = Post(5);
        await _rest.Clock.WaitForPendingAsync(1);
        var otherBucket = _rest.Client.GetGuildMemberAsync(new Snowflake(1), new Snowflake(2));
        await _rest.Clock.WaitForPendingAsync(2);
        await _rest.Client.CreateInteractionResponseAsync(new Snowflake(7), token, InteractionCallback.Defer(false));
        Assert.Equal(["channels/5/messages", $"interactions/7/{token}/callback"], _rest.Discord.Requests.Select(r => r.Path));

        await _rest.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(2) + RestRateLimiter.Margin, sentBefore: 2);

        await Task.WhenAll(limited, otherBucket);
        Assert.Equal(4, _rest.Discord.Count);
        Assert.Contains(_rest.Logs.Entries, l => l.Level == LogLevel.Warning && l.Message.Contains("global", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wait_longer_than_a_minute_is_honoured_and_logged()
    {
        _rest.Discord.On("GET", "users/@me", _ => Reply.RateLimited(90));
        _rest.Discord.On("GET", "users/@me", _ => Reply.Json("""{"id":"1","username":"bot"}"""));

        var user = _rest.Client.GetCurrentUserAsync();
        await _rest.Clock.WaitForPendingAsync(1);
        await _rest.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(90) + RestRateLimiter.Margin, sentBefore: 1);

        await user;
        Assert.Contains(_rest.Logs.Entries, l => l.Level == LogLevel.Warning && l.Message.Contains("90 s", StringComparison.Ordinal));
    }
}
