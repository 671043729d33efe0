using Microsoft.Extensions.Hosting;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// Runs the gateway session while the host runs. On stop the session closes its connection with 1000, which ends the
/// Discord session: right for a clean stop, and the next start identifies anew.
/// </summary>
internal sealed class GatewayService(GatewaySession session) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => session.RunAsync(stoppingToken);
}
