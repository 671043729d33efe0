using CrossCoaching.Discord.Rest;
using CrossCoaching.Tests.Discord.Rest.Support;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Discord.Rest;

/// <summary>
/// The channel that carries a global 429 from the instance that drew it to the others (LISTEN/NOTIFY on PostgreSQL,
/// an in-memory channel here): every listener hears every notice, the sender's own included, and the sender knows its own.
/// </summary>
public sealed class GlobalPauseChannelTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly Notices _notices = new();
    private readonly List<(GlobalPauseChannel Channel, GlobalRateLimiter Limiter, CapturingLoggerProvider Logs)> _instances = [];

    public async Task InitializeAsync()
    {
        for (var i = 0; i < 2; i++)
        {
            var limiter = new GlobalRateLimiter(_clock);
            var logs = new CapturingLoggerProvider();
            var channel = new GlobalPauseChannel(_notices, limiter, _clock, logs.For<GlobalPauseChannel>());
            await channel.StartAsync(CancellationToken.None);
            _instances.Add((channel, limiter, logs));
        }
        await Eventually.True(() => _instances.All(i => i.Channel.Listening), "both instances listening");
    }

    public async Task DisposeAsync()
    {
        foreach (var (channel, _, _) in _instances)
        {
            await channel.StopAsync(CancellationToken.None);
            channel.Dispose();
        }
    }

    [Fact]
    public async Task The_instance_that_drew_the_429_does_not_report_its_own_notice_as_another_instance_s()
    {
        var (drew, drewLimiter, drewLogs) = _instances[0];
        var (_, otherLimiter, otherLogs) = _instances[1];

        drew.Announce(TimeSpan.FromSeconds(8));
        await Eventually.True(() => _notices.Delivered == 2, "the notice heard by both listeners");

        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(8), otherLimiter.PausedUntil);
        Assert.Contains("Another instance drew a global rate limit", otherLogs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Another instance", drewLogs.All, StringComparison.Ordinal);
        // Its own pause is the rate limiter's, taken when the 429 came (not here): the notice does not add one.
        Assert.True(drewLimiter.PausedUntil <= _clock.GetUtcNow());
    }

    [Fact]
    public async Task A_notice_without_a_sender_from_an_older_release_pauses_every_listener()
    {
        await _notices.SendAsync("8000");
        await Eventually.True(() => _notices.Delivered == 2, "the notice heard by both listeners");

        Assert.All(_instances, i => Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(8), i.Limiter.PausedUntil));
        Assert.All(_instances, i => Assert.Contains("Another instance drew a global rate limit", i.Logs.All, StringComparison.Ordinal));
    }

    /// <summary>A channel in memory that, like NOTIFY, hands every notice to every listener, its sender included.</summary>
    private sealed class Notices : IGlobalPauseNotices
    {
        private readonly List<Action<string>> _listeners = [];
        private int _delivered;

        public bool Shared => true;

        public int Delivered => Volatile.Read(ref _delivered);

        public Task SendAsync(string notice, CancellationToken cancellationToken = default)
        {
            Action<string>[] listeners;
            lock (_listeners)
                listeners = [.. _listeners];
            foreach (var heard in listeners)
            {
                heard(notice);
                Interlocked.Increment(ref _delivered);
            }
            return Task.CompletedTask;
        }

        public async Task ListenAsync(Action<string> heard, Action listening, CancellationToken cancellationToken)
        {
            lock (_listeners)
                _listeners.Add(heard);
            listening();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
