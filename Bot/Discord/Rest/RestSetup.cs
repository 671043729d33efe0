using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Discord.Rest;

public static class RestSetup
{
    public static IServiceCollection AddDiscordRest(this IServiceCollection services) => services;
}
