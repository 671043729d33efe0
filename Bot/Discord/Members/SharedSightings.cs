using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Members;

/// <summary>
/// The gateway's answers about members, kept in the database (<c>member_sightings</c>) by the instance whose shard
/// received them, for the instances that do not hold the guild's shard: the gateway answers a member request only on
/// the shard that owns the guild, and a step may run on any instance. An answer counts as long as
/// <see cref="MemberSightings.Fresh"/>, as in memory; older rows are swept as new ones come. The rows are the
/// store's (<see cref="IMemberSightingStore"/>, in Storage).
/// </summary>
public sealed class SharedSightings(
    IMemberSightingStore store,
    [FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time,
    ILogger<SharedSightings> logger)
{
    /// <summary>Only PostgreSQL has other instances to tell; on SQLite the one process holds every shard.</summary>
    public bool Shared => store.Shared;

    public async Task RecordAsync(Snowflake guild, IReadOnlyCollection<(Snowflake User, bool Member)> answers, CancellationToken cancellationToken = default)
    {
        if (answers.Count == 0 || !Shared)
            return;
        var now = time.GetUtcNow();
        try
        {
            await store.RecordAsync(guild, answers, now, now - MemberSightings.Fresh, cancellationToken);
        }
        catch (System.Data.Common.DbException e)
        {
            // The answer still stands in this instance's memory; another instance asks Discord by REST, as before.
            logger.LogWarning("Could not keep the gateway's answer about {Count} members of guild {Guild} for the other instances: {Reason}",
                answers.Count, guild, e.Message);
        }
    }

    /// <summary>What the shard's instance learned lately of these users; a user it has no fresh answer for is left out.</summary>
    public async Task<IReadOnlyDictionary<Snowflake, bool>> FreshAsync(Snowflake guild, IReadOnlyCollection<Snowflake> users, TimeSpan maxAge,
        CancellationToken cancellationToken = default)
    {
        if (users.Count == 0 || !Shared)
            return new Dictionary<Snowflake, bool>();
        return await store.SeenSinceAsync(guild, users, time.GetUtcNow() - maxAge, cancellationToken);
    }
}
