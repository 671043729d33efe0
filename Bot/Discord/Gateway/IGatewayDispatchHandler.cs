using System.Text.Json;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// Receives every dispatch (op 0) in order, inside <c>Bot/Discord/</c> only: the cache, the interaction dispatcher
/// and the event publisher. Called on the receive loop, so it must return quickly; the element is only valid during
/// the call (<see cref="JsonElement.Clone"/> it to keep it).
/// </summary>
public interface IGatewayDispatchHandler
{
    ValueTask OnDispatchAsync(string eventName, JsonElement data, CancellationToken cancellationToken = default);
}
