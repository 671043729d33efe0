using CrossCoaching.Discord;
using CrossCoaching.Discord.Members;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>
/// With several instances, a session's step runs on any of them, but the gateway answers a member request only on the
/// instance holding the guild's shard. That instance asks ahead, every <see cref="Every"/>, about the partners of its
/// guilds whose steps are due within <see cref="Ahead"/>, and the answers go to the database as they arrive
/// (<see cref="SharedSightings"/>): a step on another instance then finds them fresh there instead of asking by REST.
/// The partners of all its guilds are read in one query (<see cref="UpcomingPartners.InGuildsAsync"/>); one request per
/// guild and pass at most (100 ids a request), none when every answer is still fresh enough; nothing
/// on SQLite, where one process holds every shard and asks when a step needs it.
/// </summary>
public sealed class PartnerLookahead(
    GatewayMemberDirectory directory,
    SharedSightings shared,
    UpcomingPartners upcoming,
    IGuildCache cache,
    TimeProvider time,
    ILogger<PartnerLookahead> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    /// <summary>Half the freshness of an answer: one asked now is still fresh when a step due by then runs.</summary>
    public static readonly TimeSpan Ahead = MemberSightings.Fresh / 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!shared.Shared)
            return;
        using var timer = new PeriodicTimer(Every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await PassAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass over the guilds this instance's gateway knows (those of the shards it holds).</summary>
    public async Task PassAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<Snowflake, IReadOnlyList<Snowflake>> due;
        try
        {
            // One read for all the guilds at once (in batches): a thousand guilds cost a query or two per pass, not a thousand.
            due = await upcoming.InGuildsAsync([.. cache.Guilds.Select(g => g.Id)], time.GetUtcNow() + Ahead, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not read the partners due soon: {Reason}", e.Message);
            return;
        }

        foreach (var (guild, partners) in due)
        {
            try
            {
                await directory.AskAheadAsync(guild, partners, Ahead, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Only a saving: the steps ask by REST for whoever is not known.
                logger.LogWarning("Could not ask ahead about the partners of guild {Guild}: {Reason}", guild, e.Message);
            }
        }
    }
}
