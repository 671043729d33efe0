using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Discord.Gateway;

/// <summary>How FakeTimeProvider drives Task.Delay, which the gateway tests rely on.</summary>
public sealed class FakeClockTests
{
    [Fact]
    public async Task A_delay_completes_when_the_clock_reaches_its_due_time_and_not_before()
    {
        var time = new FakeTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(3), time);

        time.Advance(TimeSpan.FromMilliseconds(2999));
        await Task.Yield();
        Assert.False(delay.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_delay_armed_after_the_clock_moved_counts_from_the_new_time()
    {
        var time = new FakeTimeProvider();
        time.Advance(TimeSpan.FromSeconds(10));

        var delay = Task.Delay(TimeSpan.FromSeconds(1), time);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(delay.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_cancellation_source_with_a_fake_clock_fires_on_advance()
    {
        var time = new FakeTimeProvider();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), time);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(timeout.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.Yield();
        Assert.True(timeout.IsCancellationRequested);
    }
}
