using System.Text.Json;
using CrossCoaching.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Interactions;

/// <summary>
/// Takes INTERACTION_CREATE off the gateway: parses it while the payload is alive, then hands it to the router on
/// its own task, so a slow handler never holds up the gateway or other users' interactions.
/// </summary>
public sealed class InteractionDispatcher(
    InteractionRouter router,
    [FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider clock,
    IHostApplicationLifetime lifetime,
    DiscordMetrics metrics,
    ILogger<InteractionDispatcher> logger) : IGatewayDispatchHandler
{
    public ValueTask OnDispatchAsync(string eventName, JsonElement data, CancellationToken cancellationToken = default)
    {
        if (eventName != "INTERACTION_CREATE")
            return ValueTask.CompletedTask;

        var receivedAt = clock.GetUtcNow();
        Interaction interaction;
        try
        {
            interaction = InteractionParser.Parse(data);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            logger.LogError(e, "Could not read an interaction payload");
            return ValueTask.CompletedTask;
        }

        _ = Task.Run(() => RouteAsync(interaction, receivedAt), CancellationToken.None);
        return ValueTask.CompletedTask;
    }

    private async Task RouteAsync(Interaction interaction, DateTimeOffset receivedAt)
    {
        try
        {
            await router.RouteAsync(interaction, receivedAt, lifetime.ApplicationStopping);
            metrics.InteractionHandled(TypeName(interaction.Type), clock.GetUtcNow() - receivedAt);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Interaction {Id} failed outside its handler", interaction.Id);
        }
    }

    private static string TypeName(InteractionType type) => type switch
    {
        InteractionType.ApplicationCommand => "command",
        InteractionType.MessageComponent => "component",
        InteractionType.Autocomplete => "autocomplete",
        InteractionType.ModalSubmit => "modal",
        _ => "other",
    };
}
