namespace CrossCoaching.Discord.Gateway;

internal static class GatewayTime
{
    /// <summary>
    /// Waits until an instant of the Discord clock. Waiting for a deadline (not a duration) keeps the schedule exact
    /// even when the task starts its wait a little after it chose the deadline.
    /// </summary>
    public static Task DelayUntilAsync(TimeProvider time, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var wait = due - time.GetUtcNow();
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
