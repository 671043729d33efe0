namespace CrossCoaching.Discord.Cache;

/// <summary>
/// Typed events waiting for the features, in gateway order. Unbounded: the receive loop must never wait on a feature;
/// <see cref="DiscordEventPump"/> drains it.
/// </summary>
public sealed class DiscordEventQueue
{
    private readonly System.Threading.Channels.Channel<DiscordEvent> _events =
        System.Threading.Channels.Channel.CreateUnbounded<DiscordEvent>(new() { SingleReader = true });

    public void Publish(DiscordEvent discordEvent) => _events.Writer.TryWrite(discordEvent);

    public IAsyncEnumerable<DiscordEvent> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _events.Reader.ReadAllAsync(cancellationToken);

    /// <summary>An event already queued, without waiting (for tests and diagnostics).</summary>
    public bool TryRead(out DiscordEvent? discordEvent) => _events.Reader.TryRead(out discordEvent);
}
