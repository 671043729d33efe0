using CrossCoaching.Discord.Rest;
using CrossCoaching.Discord;
using CrossCoaching.Tests.Discord.Rest.Support;

namespace CrossCoaching.Tests.Discord.Rest;

/// <summary>
/// Per-bucket limits (https://discord.com/developers/docs/topics/rate-limits): one queue per bucket, a wait when it is
/// spent, buckets keyed by hash and major parameter. On the fake Discord clock.
/// </summary>
public sealed class BucketTests : IDisposable
{
    private readonly RestHarness _rest = new();

    public void Dispose() => _rest.Dispose();

    private Task<Message> Post(ulong channel, string text = "hi") =>
        _rest.Client.CreateMessageAsync(new Snowflake(channel), MessageSpec.Text(text));

    [Fact]
    public async Task A_spent_bucket_holds_its_next_request_until_reset_after_but_not_another_bucket()
    {
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message().WithLimits("msgs", remaining: 0, resetAfter: 2.5));
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message().WithLimits("msgs", remaining: 4, resetAfter: 5));
        _rest.Discord.On("GET", "users/@me", _ => Reply.Json("""{"id":"1","username":"bot"}"""));

        await Post(5);
        var held = Post(5);
        await _rest.Clock.WaitForPendingAsync(1);
        Assert.Equal(TimeSpan.FromSeconds(2.5) + RestRateLimiter.Margin, _rest.Clock.LastDue);
        await _rest.Client.GetCurrentUserAsync();
        Assert.Equal(2, _rest.Discord.Count);

        await _rest.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(2.5) + RestRateLimiter.Margin, sentBefore: 2);

        await held;
        Assert.Equal(3, _rest.Discord.Count);
    }

    [Fact]
    public async Task The_same_route_in_another_channel_is_another_bucket()
    {
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message().WithLimits("msgs", remaining: 0, resetAfter: 10));
        _rest.Discord.On("POST", "channels/6/messages", _ => Reply.Message().WithLimits("msgs", remaining: 4, resetAfter: 10), times: 2);

        await Post(5);
        await Post(6);
        await Post(6);

        Assert.Equal(0, _rest.Clock.TimersCreated);
        Assert.Equal(3, _rest.Discord.Count);
    }

    [Fact]
    public async Task Routes_that_share_a_bucket_hash_share_its_limit()
    {
        _rest.Discord.On("PATCH", "channels/5/messages/900", _ => Reply.Message().WithLimits("shared", remaining: 3, resetAfter: 4));
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message().WithLimits("shared", remaining: 0, resetAfter: 4));
        _rest.Discord.On("PATCH", "channels/5/messages/900", _ => Reply.Message().WithLimits("shared", remaining: 4, resetAfter: 4));

        await _rest.Client.EditMessageAsync(new Snowflake(5), new Snowflake(900), MessageSpec.Text("a"));
        await Post(5);
        var edit = _rest.Client.EditMessageAsync(new Snowflake(5), new Snowflake(900), MessageSpec.Text("b"));
        await _rest.Clock.WaitForPendingAsync(1);
        await _rest.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(4) + RestRateLimiter.Margin, sentBefore: 2);

        await edit;
        Assert.Equal(3, _rest.Discord.Count);
    }

    [Fact]
    public async Task Requests_queued_before_the_bucket_hash_was_learned_share_one_queue_with_those_after()
    {
        var release = new TaskCompletionSource<System.Net.Http.HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _rest.Discord.On("POST", "channels/5/messages", _ => release.Task);
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message().WithLimits("msgs", remaining: 0, resetAfter: 3));
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message().WithLimits("msgs", remaining: 4, resetAfter: 5), times: 2);

        var first = Post(5, "1");
        await Eventually.True(() => _rest.Discord.Count == 1, "the first request");
        var queuedBefore = Post(5, "2"); // waits on the bucket known by its route template
        release.SetResult(Reply.Message().WithLimits("msgs", remaining: 1, resetAfter: 3));
        await first;
        await queuedBefore;
        var after = Post(5, "3");        // the hash is known now: the same queue, and the bucket is spent
        await _rest.Clock.WaitForPendingAsync(1);

        Assert.Equal(2, _rest.Discord.Count);
        await _rest.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(3) + RestRateLimiter.Margin, sentBefore: 2);
        await after;
        Assert.Equal(3, _rest.Discord.Count);
    }

    [Fact]
    public async Task Requests_on_one_bucket_are_sent_one_at_a_time_in_order()
    {
        var release = new TaskCompletionSource<System.Net.Http.HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _rest.Discord.On("POST", "channels/5/messages", _ => release.Task);
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message(), times: 2);

        var first = Post(5, "1");
        await Eventually.True(() => _rest.Discord.Count == 1, "the first request");
        var second = Post(5, "2");
        var third = Post(5, "3");
        await Eventually.Settle();
        Assert.Equal(1, _rest.Discord.Count);

        release.SetResult(Reply.Message());
        await Task.WhenAll(first, second, third);
        Assert.Equal(["1", "2", "3"], _rest.Discord.Requests.Select(r => (string)r.Json["content"]!));
    }

    [Fact]
    public async Task Cancelling_a_request_that_waits_for_its_bucket_ends_the_wait_and_sends_nothing()
    {
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message().WithLimits("msgs", remaining: 0, resetAfter: 30));
        await Post(5);
        using var cancel = new CancellationTokenSource();

        var waiting = _rest.Client.CreateMessageAsync(new Snowflake(5), MessageSpec.Text("late"), cancel.Token);
        await _rest.Clock.WaitForPendingAsync(1);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, _rest.Clock.Pending);
        _rest.Clock.Advance(TimeSpan.FromSeconds(31));
        await Eventually.Settle();
        Assert.Equal(1, _rest.Discord.Count);
    }

    [Fact]
    public async Task Cancelling_a_request_queued_behind_another_on_its_bucket_ends_the_wait()
    {
        var release = new TaskCompletionSource<System.Net.Http.HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _rest.Discord.On("POST", "channels/5/messages", _ => release.Task);
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message());
        using var cancel = new CancellationTokenSource();

        var first = Post(5);
        await Eventually.True(() => _rest.Discord.Count == 1, "the first request");
        var queued = _rest.Client.CreateMessageAsync(new Snowflake(5), MessageSpec.Text("queued"), cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);

        release.SetResult(Reply.Message());
        await first;
        await Post(5);
        Assert.Equal(2, _rest.Discord.Count);
    }
}
