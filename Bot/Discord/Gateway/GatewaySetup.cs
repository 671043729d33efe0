using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Discord.Gateway;

public static class GatewaySetup
{
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services) => services;
}
