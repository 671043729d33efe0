using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Cache;

/// <summary>
/// Delivers the queued gateway events, one at a time and in order, to every <see cref="IDiscordEventHandler"/>. A handler
/// that throws is logged; the others, and later events, still get delivered.
/// </summary>
public sealed class DiscordEventPump(DiscordEventQueue queue, IEnumerable<IDiscordEventHandler> handlers, ILogger<DiscordEventPump> logger)
    : BackgroundService
{
    private readonly IDiscordEventHandler[] _handlers = [.. handlers];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var discordEvent in queue.ReadAllAsync(stoppingToken))
                await DeliverAsync(discordEvent, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task DeliverAsync(DiscordEvent discordEvent, CancellationToken cancellationToken = default)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                await handler.HandleAsync(discordEvent, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Handler} failed on {Event}; going on", handler.GetType().Name, discordEvent.GetType().Name);
            }
        }

        // Events are delivered in order: every guild's GUILD_CREATE has been handled by every feature by now.
        if (discordEvent is GuildsLoaded loaded)
            logger.LogInformation("All {Count} guilds available and handled {Milliseconds} ms after READY (all in the cache at {Cached} ms)", loaded.Count,
                (long)System.Diagnostics.Stopwatch.GetElapsedTime(loaded.ReadyTimestamp).TotalMilliseconds, (long)loaded.Cached.TotalMilliseconds);
    }
}
