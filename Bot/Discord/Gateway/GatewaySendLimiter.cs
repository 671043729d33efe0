namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// Keeps one connection under Discord's 120 sends per 60 s (https://discord.com/developers/docs/events/gateway#rate-limiting):
/// ordinary sends get at most <see cref="OrdinaryBudget"/> of them, so that heartbeats, IDENTIFY and RESUME always find room.
/// A sliding window of send times; a send over budget waits until the oldest one leaves the window.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int Limit = 120;
    public const int OrdinaryBudget = 115;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Queue<DateTimeOffset> _sent = new();

    /// <summary>Waits until a send may go, then counts it.</summary>
    public async ValueTask AcquireAsync(bool priority, CancellationToken cancellationToken)
    {
        var budget = priority ? Limit : OrdinaryBudget;
        while (true)
        {
            DateTimeOffset freeAt;
            lock (_sent)
            {
                var now = time.GetUtcNow();
                while (_sent.TryPeek(out var oldest) && oldest <= now - Window)
                    _sent.Dequeue();
                if (_sent.Count < budget)
                {
                    _sent.Enqueue(now);
                    return;
                }

                // The send may go once enough of the oldest sends have left the window to bring the count under budget.
                freeAt = _sent.ElementAt(_sent.Count - budget) + Window;
            }

            await GatewayTime.DelayUntilAsync(time, freeAt, cancellationToken);
        }
    }
}
