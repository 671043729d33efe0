using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossCoaching.Discord.Rest;

public static class RestSetup
{
    /// <summary>
    /// The REST client as <see cref="IDiscordApi"/>, with its one <see cref="HttpClient"/> and the rate-limit state,
    /// all singletons: the limits are per bot, so there must be one of each per process.
    /// </summary>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services)
    {
        services.TryAddSingleton<RestHttpTransport>();
        services.TryAddSingleton<RateLimitBuckets>();
        services.TryAddSingleton<GlobalShare>();
        services.TryAddSingleton<GlobalRateLimiter>();
        services.TryAddSingleton<RestRateLimiter>();
        // A rejected token stops the bot rather than draw 401s until Discord bans the address.
        services.TryAddSingleton(sp => new TokenRejection(() => sp.GetService<Hosting.BotExit>()?.Fail(
            "Discord rejected the bot token (HTTP 401): the bot stops instead of retrying. Check Discord__Token (or DISCORD_TOKEN), then start it again.")));
        services.TryAddSingleton<RestRequestExecutor>();
        services.TryAddSingleton<IDiscordApi, DiscordRestClient>();
        return services;
    }
}
