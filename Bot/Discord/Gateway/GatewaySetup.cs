using CrossCoaching.Discord.Cache;
using CrossCoaching.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord.Gateway;

public static class GatewaySetup
{
    /// <summary>
    /// The gateway sessions (one, every shard, or the leased ones: see <see cref="GatewayService"/>), the guild cache (registered once, as <see cref="IGuildCache"/> and
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
        services.TryAddSingleton(sp => InstanceIdentity.From(sp.GetService<IConfiguration>()));
        services.AddSingleton<IdentifyGate>();
        services.AddSingleton<GatewaySessionFactory>();
        services.AddSingleton<GatewayShards>();
        services.AddSingleton(CreateSession);
        services.AddSingleton<IGatewayStatus>(sp => sp.GetRequiredService<GatewayShards>());

        // The pump starts first and stops last, so no event is queued before it reads or after it stopped reading.
        services.AddHostedService<DiscordEventPump>();
        services.AddHostedService<GatewayService>();
        return services;
    }

    /// <summary>
    /// The one session of the default set-up (unsharded, or the pinned shard). A pinned shard takes IDENTIFY turns:
    /// the other shards run in other processes.
    /// </summary>
    private static GatewaySession CreateSession(IServiceProvider services)
    {
        var shard = GatewayShard.From(services.GetRequiredService<IOptions<DiscordOptions>>().Value);
        return services.GetRequiredService<GatewaySessionFactory>().Create(shard, takeTurns: shard is not null);
    }
}
