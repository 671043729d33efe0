using CrossCoaching.Discord.Cache;
using CrossCoaching.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord.Gateway;

public static class GatewaySetup
{
    /// <summary>
    /// The gateway session (one shard, as configured), the guild cache (registered once, as <see cref="IGuildCache"/> and
    /// as the first <see cref="IGatewayDispatchHandler"/>) and the pump that delivers <see cref="DiscordEvent"/>s.
    /// </summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services)
    {
        services.TryAddSingleton<IGatewayConnectionFactory, WebSocketGatewayConnectionFactory>();
        services.TryAddSingleton<IGatewayJitter, RandomGatewayJitter>();
        services.AddSingleton<GatewayUrlProvider>();
        services.AddSingleton<GatewayDispatcher>();
        services.AddSingleton<DiscordEventQueue>();
        services.AddSingleton<GuildCache>();
        services.AddSingleton<IGuildCache>(sp => sp.GetRequiredService<GuildCache>());
        services.AddSingleton<IGatewayDispatchHandler>(sp => sp.GetRequiredService<GuildCache>());
        services.AddSingleton(CreateSession);
        services.AddSingleton<IGatewayStatus>(sp => sp.GetRequiredService<GatewaySession>());

        // The pump starts first and stops last, so no event is queued before it reads or after it stopped reading.
        services.AddHostedService<DiscordEventPump>();
        services.AddHostedService<GatewayService>();
        return services;
    }

    private static GatewaySession CreateSession(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        return new GatewaySession(
            GatewayShard.From(options),
            options.Token ?? "",
            services.GetRequiredService<IGatewayConnectionFactory>(),
            services.GetRequiredService<GatewayUrlProvider>(),
            services.GetRequiredService<GatewayDispatcher>(),
            services.GetRequiredService<IGatewayJitter>(),
            services.GetRequiredService<BotExit>(),
            services.GetRequiredKeyedService<TimeProvider>(DiscordSetup.ClockKey),
            services.GetRequiredService<ILogger<GatewaySession>>(),
            services.GetService<DiscordMetrics>());
    }
}
