using CrossCoaching.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord.Gateway;

/// <summary>Makes the session of one shard; every session of the process shares the dispatcher, clock and IDENTIFY turns.</summary>
public sealed class GatewaySessionFactory(IServiceProvider services)
{
    public GatewaySession Create(GatewayShard? shard) => new(
        shard,
        services.GetRequiredService<IOptions<DiscordOptions>>().Value.Token ?? "",
        services.GetRequiredService<IGatewayConnectionFactory>(),
        services.GetRequiredService<GatewayUrlProvider>(),
        services.GetRequiredService<GatewayDispatcher>(),
        services.GetRequiredService<IGatewayJitter>(),
        services.GetRequiredService<BotExit>(),
        services.GetRequiredKeyedService<TimeProvider>(DiscordSetup.ClockKey),
        services.GetRequiredService<ILogger<GatewaySession>>(),
        services.GetService<DiscordMetrics>(),
        services.GetRequiredService<IdentifyGate>());
}
