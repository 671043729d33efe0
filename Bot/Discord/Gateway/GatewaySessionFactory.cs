using CrossCoaching.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord.Gateway;

/// <summary>Makes the session of one shard; every session of the process shares the dispatcher, clock and IDENTIFY turns.</summary>
public sealed class GatewaySessionFactory(IServiceProvider services)
{
    /// <param name="takeTurns">
    /// Whether IDENTIFY waits for its turn in the shard's max_concurrency bucket: needed beside other sessions (several
    /// shards, here or on other instances); the lone session of the default set-up identifies as it always did.
    /// </param>
    public GatewaySession Create(GatewayShard? shard, bool takeTurns = true) => new(
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
        takeTurns ? services.GetRequiredService<IdentifyGate>() : null);
}
