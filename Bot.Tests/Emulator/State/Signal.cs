namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Lets tests await an observation ("the second IDENTIFY arrived") without polling: every recorded change pulses it,
/// and waiters re-check their condition.
/// </summary>
internal sealed class Signal
{
    private readonly Lock sync = new();
    private TaskCompletionSource pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(10);

    public void Pulse()
    {
        TaskCompletionSource fired;
        lock (sync)
        {
            fired = pulse;
            pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        fired.TrySetResult();
    }

    public async Task<T> WaitAsync<T>(Func<T?> probe, TimeSpan? timeout, string what) where T : class
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? DefaultTimeout).TotalMilliseconds;
        while (true)
        {
            Task next;
            lock (sync)
                next = pulse.Task;
            if (probe() is { } found)
                return found;
            var left = deadline - Environment.TickCount64;
            if (left <= 0)
                throw new TimeoutException($"The Discord emulator did not observe {what} within {(timeout ?? DefaultTimeout).TotalSeconds:0.###} s.");
            try
            {
                await next.WaitAsync(TimeSpan.FromMilliseconds(Math.Min(left, 250)));
            }
            catch (TimeoutException)
            {
                // Re-check: a probe may depend on time passing (a deadline), not only on recorded changes.
            }
        }
    }

    public Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout, string what) =>
        WaitAsync(() => condition() ? new object() : null, timeout, what);
}
