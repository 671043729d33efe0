using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// Hands every dispatch, in order, to every <see cref="IGatewayDispatchHandler"/> (in registration order: the cache
/// first). A handler that throws is logged and skipped; the connection and the other handlers go on.
/// </summary>
public sealed class GatewayDispatcher(IEnumerable<IGatewayDispatchHandler> handlers, ILogger<GatewayDispatcher> logger)
{
    private readonly IGatewayDispatchHandler[] _handlers = [.. handlers];

    public async ValueTask DispatchAsync(string eventName, JsonElement data, CancellationToken cancellationToken = default)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                await handler.OnDispatchAsync(eventName, data, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Handler} failed on the gateway event {Event}; going on", handler.GetType().Name, eventName);
            }
        }
    }
}
