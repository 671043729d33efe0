using CrossCoaching.Discord;
using CrossCoaching.Tests.Discord.Rest.Support;

namespace CrossCoaching.Tests.Discord.Rest;

/// <summary>The local limiter that keeps the bot under Discord's 50 requests per second (it allows itself 40).</summary>
public sealed class GlobalLimitTests : IDisposable
{
    private const int PerSecond = 40;

    private readonly RestHarness _rest = new();

    public void Dispose() => _rest.Dispose();

    [Fact]
    public async Task A_burst_of_120_bot_requests_takes_two_seconds_at_40_per_second()
    {
        for (var guild = 1; guild <= 120; guild++)
            _rest.Discord.On("GET", $"guilds/{guild}/members/7", _ => Reply.Json("""{"user":{"id":"7","username":"u"},"roles":[]}"""));
        var start = _rest.Clock.GetUtcNow();

        // One guild each: 120 buckets, so only the global limit holds them back.
        var all = Task.WhenAll(Enumerable.Range(1, 120).Select(g => _rest.Client.GetGuildMemberAsync(new Snowflake((ulong)g), new Snowflake(7))));
        await Eventually.True(() => _rest.Discord.Count == PerSecond && _rest.Clock.Pending == 120 - PerSecond, "the first 40 sent and 80 waiting");
        _rest.Clock.Advance(TimeSpan.FromMilliseconds(999));
        await Eventually.Settle();
        Assert.Equal(PerSecond, _rest.Discord.Count);
        _rest.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.True(() => _rest.Discord.Count == 2 * PerSecond && _rest.Clock.Pending == 120 - 2 * PerSecond, "40 more sent a second later");
        _rest.Clock.Advance(TimeSpan.FromSeconds(1));
        await all;

        Assert.Equal(120, _rest.Discord.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), _rest.Clock.GetUtcNow() - start);
    }

    [Fact]
    public async Task A_burst_of_120_interaction_callbacks_is_not_held_back()
    {
        var token = RestHarness.InteractionToken;
        for (var i = 1; i <= 120; i++)
            _rest.Discord.On("POST", $"interactions/{i}/{token}/callback", _ => Reply.NoContent());

        await Task.WhenAll(Enumerable.Range(1, 120).Select(i =>
            _rest.Client.CreateInteractionResponseAsync(new Snowflake((ulong)i), token, InteractionCallback.DeferUpdate())));

        Assert.Equal(120, _rest.Discord.Count);
        Assert.Equal(0, _rest.Clock.TimersCreated);
    }

    [Fact]
    public async Task Followups_are_not_held_back_by_the_global_limit()
    {
        var token = RestHarness.InteractionToken;
        for (var i = 1; i <= 60; i++)
            _rest.Discord.On("GET", $"guilds/{i}/members/7", _ => Reply.Json("""{"user":{"id":"7","username":"u"},"roles":[]}"""));
        _rest.Discord.On("POST", $"webhooks/100/{token}", _ => Reply.Message());

        var members = Task.WhenAll(Enumerable.Range(1, 60).Select(g => _rest.Client.GetGuildMemberAsync(new Snowflake((ulong)g), new Snowflake(7))));
        await _rest.Clock.WaitForPendingAsync(60 - PerSecond);
        await _rest.Client.CreateFollowupAsync(new Snowflake(100), token, MessageSpec.Text("done"), ephemeral: true);

        Assert.Equal(PerSecond + 1, _rest.Discord.Count);
        _rest.Clock.Advance(TimeSpan.FromSeconds(1));
        await members;
    }

    [Fact]
    public async Task Cancelling_a_request_held_by_the_global_limit_ends_the_wait()
    {
        for (var guild = 1; guild <= PerSecond; guild++)
            _rest.Discord.On("GET", $"guilds/{guild}/members/7", _ => Reply.Json("""{"user":{"id":"7","username":"u"},"roles":[]}"""));
        await Task.WhenAll(Enumerable.Range(1, PerSecond).Select(g => _rest.Client.GetGuildMemberAsync(new Snowflake((ulong)g), new Snowflake(7))));
        using var cancel = new CancellationTokenSource();

        var held = _rest.Client.GetGuildMemberAsync(new Snowflake(51), new Snowflake(7), cancel.Token);
        await _rest.Clock.WaitForPendingAsync(1);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held);
        Assert.Equal(PerSecond, _rest.Discord.Count);
    }

    [Fact]
    public async Task Requests_that_reach_Discord_late_never_put_more_than_50_within_one_second_on_its_side()
    {
        // The first 40 leave at once but arrive (and are answered) only 0.9 s later: a slow link, a queue in the HTTP
        // stack. Counting sends alone would let the next 40 leave at 1 s, and 80 would arrive within 0.1 s.
        var arrived = new List<DateTimeOffset>();
        var slowLink = new TaskCompletionSource();
        for (var guild = 1; guild <= 120; guild++)
        {
            var late = guild <= PerSecond;
            _rest.Discord.On("GET", $"guilds/{guild}/members/7", async _ =>
            {
                if (late)
                    await slowLink.Task;
                lock (arrived)
                    arrived.Add(_rest.Clock.GetUtcNow());
                return Reply.Json("""{"user":{"id":"7","username":"u"},"roles":[]}""");
            });
        }

        var all = Task.WhenAll(Enumerable.Range(1, 120).Select(g => _rest.Client.GetGuildMemberAsync(new Snowflake((ulong)g), new Snowflake(7))));
        await Eventually.True(() => _rest.Discord.Count == PerSecond, "the first 40 sent");
        for (var tenth = 1; tenth <= 50 && !all.IsCompleted; tenth++)
        {
            await Eventually.Settle();
            _rest.Clock.Advance(TimeSpan.FromMilliseconds(100));
            if (tenth == 9)
                slowLink.SetResult();
        }
        await all.WaitAsync(TimeSpan.FromSeconds(10));

        List<DateTimeOffset> times;
        lock (arrived)
            times = [.. arrived.Order()];
        Assert.Equal(120, times.Count);
        var busiest = times.Select(t => times.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1))).Max();
        Assert.InRange(busiest, 1, 50);
    }
}
