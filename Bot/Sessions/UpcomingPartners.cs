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
    public async Task<IReadOnlyList<Snowflake>> InGuildAsync(Snowflake guildId, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var pairs = await connection.QueryAsync<(Snowflake A, Snowflake B)>(
            """
            SELECT DISTINCT p.member_a_id, p.member_b_id
            FROM session_steps st JOIN sessions s ON s.id = st.session_id JOIN pairs p ON p.id = s.pair_id
            WHERE st.state = 'pending' AND st.due_at <= @until AND st.step IN ('remind', 'prepare', 'open')
              AND s.status = 'scheduled' AND s.guild_id = @guildId AND p.status = 'active'
            """, new { guildId, until });
        return [.. pairs.SelectMany(p => new[] { p.A, p.B }).Distinct()];
    }
}
