using CrossCoaching.Discord;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Progress.Pictures;

/// <summary>A server's sessions over a stretch of time, for its chart: one query, whatever the number of pairs.</summary>
public sealed class GuildSessionsReader(SqliteConnectionFactory connections)
{
    public async Task<IReadOnlyList<Session>> ListSinceAsync(Snowflake guildId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SessionRepository.Row>(
            $"SELECT {SessionRepository.Columns} FROM sessions WHERE guild_id = @guildId AND slot_at >= @since ORDER BY slot_at", new { guildId, since });
        return [.. rows.Select(r => r.ToSession())];
    }
}
