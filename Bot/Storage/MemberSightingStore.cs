using CrossCoaching.Discord;
using CrossCoaching.Discord.Members;
using Dapper;

namespace CrossCoaching.Storage;

/// <summary>The gateway's answers about members in <c>member_sightings</c> (migration <c>shared_member_sightings</c>).</summary>
public sealed class MemberSightingStore(SqliteConnectionFactory connections) : IMemberSightingStore
{
    public bool Shared => connections.Provider == StorageProvider.Postgres;

    public async Task RecordAsync(Snowflake guild, IReadOnlyCollection<(Snowflake User, bool Member)> answers, DateTimeOffset now, DateTimeOffset staleBefore,
        CancellationToken cancellationToken = default)
    {
        await using var work = await connections.BeginAsync(cancellationToken);
        foreach (var (user, member) in answers)
            await work.ExecuteAsync(
                """
                INSERT INTO member_sightings (guild_id, user_id, member, seen_at) VALUES (@guild, @user, @member, @now)
                ON CONFLICT (guild_id, user_id) DO UPDATE SET member = excluded.member, seen_at = excluded.seen_at
                """, new { guild, user, member = member ? 1 : 0, now });
        await work.ExecuteAsync("DELETE FROM member_sightings WHERE seen_at < @staleBefore", new { staleBefore });
        await work.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Snowflake, bool>> SeenSinceAsync(Snowflake guild, IReadOnlyCollection<Snowflake> users, DateTimeOffset since,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long User, long Member)>(
            "SELECT user_id, member FROM member_sightings WHERE guild_id = @guild AND user_id IN @users AND seen_at > @since",
            new { guild = (long)guild.Value, users = SqlLists.OrNoId(users.Select(u => (long)u.Value)), since });
        return rows.ToDictionary(r => new Snowflake((ulong)r.User), r => r.Member == 1);
    }
}
