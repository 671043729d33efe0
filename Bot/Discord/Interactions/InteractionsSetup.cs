using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Discord.Interactions;

public static class InteractionsSetup
{
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services) => services;
}
