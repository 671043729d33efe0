using CrossCoaching.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Guilds;

/// <summary>
/// Deletes the data of servers the bot was removed from longer than <c>Guilds__RemovedRetentionDays</c> ago. Runs with
/// every reconciler pass, so a purge missed while the bot was down happens at the next start.
/// </summary>
public sealed class GuildPurge(GuildRemovalRepository removals, IOptions<GuildOptions> options, TimeProvider time, ILogger<GuildPurge> logger)
    : IReconcilable
{
    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow().AddDays(-options.Value.RemovedRetentionDays);
        foreach (var guildId in await removals.ListRemovedBeforeAsync(cutoff, cancellationToken))
        {
            await removals.PurgeAsync(guildId, cancellationToken);
            logger.LogInformation("Deleted the data of server {Guild}: the bot was removed from it more than {Days} days ago",
                guildId, options.Value.RemovedRetentionDays);
        }
    }
}
