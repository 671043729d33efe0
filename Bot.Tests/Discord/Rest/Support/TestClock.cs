using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Discord.Rest.Support;

/// <summary>
/// A fake Discord clock that also counts its pending timers, so that a test can wait until the client is waiting
/// (a Task.Delay on this clock) before it moves time on. Without that, advancing the clock races the client.
/// </summary>
internal sealed class TestClock() : FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
{
    private readonly Lock _sync = new();
    private readonly List<TimeSpan> _dues = [];
    private int _pending;

    public int Pending => Volatile.Read(ref _pending);

    /// <summary>The due time of the most recent timer.</summary>
    public TimeSpan LastDue
    {
        get
        {
            lock (_sync)
                return _dues[^1];
        }
    }

    public int TimersCreated
    {
        get
        {
            lock (_sync)
                return _dues.Count;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        lock (_sync)
            _dues.Add(dueTime);
        Interlocked.Increment(ref _pending);
        tracked.Inner = base.CreateTimer(
            s =>
            {
                tracked.Finish();
                callback(s);
            },
            state,
            dueTime,
            period);
        return tracked;
    }

    /// <summary>Waits (in real time) until exactly <paramref name="count"/> timers are pending.</summary>
    public Task WaitForPendingAsync(int count) => Eventually.True(() => Pending == count, $"{count} pending timer(s), have {Pending}");

    private sealed class TrackedTimer(TestClock clock) : ITimer
    {
        private int _finished;

        public ITimer? Inner { get; set; }

        public void Finish()
        {
            if (Interlocked.Exchange(ref _finished, 1) == 0)
                Interlocked.Decrement(ref clock._pending);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => Inner!.Change(dueTime, period);

        public void Dispose()
        {
            Finish();
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
