using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Sessions;

/// <summary>
/// The partners a guild's sessions will ask about soon: those whose reminder, room preparation or opening is due
/// before <c>until</c>. Asking Discord about them together with the session at hand makes a burst of sessions in one
/// guild cost one member request, not one per session. Read from the index on session_steps (state, due_at).
/// </summary>
public sealed class UpcomingPartners(SqliteConnectionFactory connections)
{
    /// <summary>Guilds asked about in one query at most: a list of ids well within either provider's limit on parameters.</summary>
    public const int GuildsPerQuery = 500;

    private const string Upcoming = """
        SELECT DISTINCT s.guild_id, p.member_a_id, p.member_b_id
        FROM session_steps st JOIN sessions s ON s.id = st.session_id JOIN pairs p ON p.id = s.pair_id
        WHERE st.state = 'pending' AND st.due_at <= @until AND st.step IN ('remind', 'prepare', 'open')
          AND s.status = 'scheduled' AND p.status = 'active'
        """;

    public async Task<IReadOnlyList<Snowflake>> InGuildAsync(Snowflake guildId, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var pairs = await connection.QueryAsync<(Snowflake Guild, Snowflake A, Snowflake B)>(
            Upcoming + " AND s.guild_id = @guildId", new { guildId, until });
        return [.. pairs.SelectMany(p => new[] { p.A, p.B }).Distinct()];
    }

    /// <summary>
    /// The same for many guilds at once (an instance's whole share of them): one query per <see cref="GuildsPerQuery"/>
    /// guilds rather than one per guild. A guild with no partner due is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<Snowflake, IReadOnlyList<Snowflake>>> InGuildsAsync(IReadOnlyCollection<Snowflake> guildIds, DateTimeOffset until,
        CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<Snowflake, IReadOnlyList<Snowflake>>();
        if (guildIds.Count == 0)
            return found;
        await using var connection = await connections.OpenAsync(cancellationToken);
        foreach (var batch in guildIds.Distinct().Chunk(GuildsPerQuery))
        {
            var pairs = await connection.QueryAsync<(Snowflake Guild, Snowflake A, Snowflake B)>(
                Upcoming + " AND s.guild_id IN @guilds", new { until, guilds = SqlLists.OrNoId(batch.Select(g => (long)g.Value)) });
            foreach (var guild in pairs.GroupBy(p => p.Guild))
                found[guild.Key] = [.. guild.SelectMany(p => new[] { p.A, p.B }).Distinct()];
        }
        return found;
    }
}
