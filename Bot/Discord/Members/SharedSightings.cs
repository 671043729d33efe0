using CrossCoaching.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Members;

/// <summary>
/// The gateway's answers about members, kept in the database (<c>member_sightings</c>) by the instance whose shard
/// received them, for the instances that do not hold the guild's shard: the gateway answers a member request only on
/// the shard that owns the guild, and a step may run on any instance. An answer counts as long as
/// <see cref="MemberSightings.Fresh"/>, as in memory; older rows are swept as new ones come.
/// </summary>
public sealed class SharedSightings(
    SqliteConnectionFactory connections,
    [FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time,
    ILogger<SharedSightings> logger)
{
    /// <summary>Only PostgreSQL has other instances to tell; on SQLite the one process holds every shard.</summary>
    public bool Shared => connections.Provider == StorageProvider.Postgres;

    public async Task RecordAsync(Snowflake guild, IReadOnlyCollection<(Snowflake User, bool Member)> answers, CancellationToken cancellationToken = default)
    {
        if (answers.Count == 0 || !Shared)
            return;
        var now = time.GetUtcNow();
        try
        {
            await using var work = await connections.BeginAsync(cancellationToken);
            foreach (var (user, member) in answers)
                await work.ExecuteAsync(
                    """
                    INSERT INTO member_sightings (guild_id, user_id, member, seen_at) VALUES (@guild, @user, @member, @now)
                    ON CONFLICT (guild_id, user_id) DO UPDATE SET member = excluded.member, seen_at = excluded.seen_at
                    """, new { guild, user, member = member ? 1 : 0, now });
            await work.ExecuteAsync("DELETE FROM member_sightings WHERE seen_at < @stale", new { stale = now - MemberSightings.Fresh });
            await work.CommitAsync(cancellationToken);
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
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long User, long Member)>(
            "SELECT user_id, member FROM member_sightings WHERE guild_id = @guild AND user_id IN @users AND seen_at > @since",
            new { guild = (long)guild.Value, users = users.Select(u => (long)u.Value).ToArray(), since = time.GetUtcNow() - maxAge });
        return rows.ToDictionary(r => new Snowflake((ulong)r.User), r => r.Member == 1);
    }
}
