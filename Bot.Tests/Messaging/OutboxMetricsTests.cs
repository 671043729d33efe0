using CrossCoaching.Discord;
using CrossCoaching.Messaging;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Messaging;

/// <summary>The outbox's counters and gauges, read through a listener on the bot's meter.</summary>
[Collection(ProcessWideMeterListeners.Name)]
public sealed class OutboxMetricsTests : IAsyncLifetime
{
    private FeatureHarness _h = null!;
    private MetricRecorder _metrics = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Monday);
        _metrics = new MetricRecorder(_h.Services);
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        await _h.DisposeAsync();
    }

    private void FailPosts(int status, int code) =>
        _h.Api.On(nameof(IDiscordApi.CreateMessageAsync), _ => throw FakeDiscordWorld.Refusal(status, code));

    private Task OweAsync(string key, DateTimeOffset? expires = null) =>
        _h.Get<Outbox>().EnqueueAsync(Letter.Dm(key, "test", Alice, MessageSpec.Text("hello")) with { ExpiresAt = expires });

    [Fact]
    public async Task A_message_owed_then_sent_moves_owed_and_sent_once_each()
    {
        await OweAsync("test:sent");
        await OweAsync("test:sent"); // the same message owed again is not owed twice
        await _h.DrainAsync();

        Assert.Equal(1, _metrics.Sum("crosscoaching.outbox.owed", "kind", "test"));
        var finished = Assert.Single(_metrics.Of("crosscoaching.outbox.finished"));
        Assert.Equal(("test", "sent"), (finished.Tag("kind"), finished.Tag("result")));
    }

    [Fact]
    public async Task A_refusal_counts_as_failed_an_outage_as_a_retry_and_an_expired_message_as_dropped()
    {
        FailPosts(403, DiscordErrorCode.MissingAccess);
        await OweAsync("test:refused");
        await _h.DrainAsync();
        FailPosts(503, 0);
        await OweAsync("test:outage", expires: Monday.AddMinutes(5));
        await _h.DrainAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(10));
        await _h.DrainAsync();

        Assert.Equal(1, _metrics.Sum("crosscoaching.outbox.finished", "result", "failed"));
        Assert.Equal(1, _metrics.Sum("crosscoaching.outbox.retries", "kind", "test"));
        Assert.Equal(1, _metrics.Sum("crosscoaching.outbox.finished", "result", "dropped"));
        Assert.Equal(0, _metrics.Sum("crosscoaching.outbox.finished", "result", "sent"));
    }

    [Fact]
    public async Task The_backlog_gauges_show_what_is_owed_and_for_how_long_while_observed()
    {
        Assert.True(_h.Get<OutboxMetrics>().WantsBacklog);
        FailPosts(503, 0);
        await OweAsync("test:waiting");
        await _h.DrainAsync();
        _h.Time.Advance(TimeSpan.FromSeconds(30));
        await _h.DrainAsync();

        _metrics.Observe();

        Assert.Equal(1, _metrics.Of("crosscoaching.outbox.pending")[^1].Value);
        Assert.Equal(30, _metrics.Of("crosscoaching.outbox.oldest_pending_age")[^1].Value);
    }

    [Fact]
    public async Task Without_a_listener_the_backlog_is_not_read()
    {
        await using var quiet = await StartAsync(Monday);

        Assert.False(quiet.Get<OutboxMetrics>().WantsBacklog);
    }
}
