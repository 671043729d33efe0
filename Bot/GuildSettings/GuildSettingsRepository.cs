using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.GuildSettings;

public sealed class GuildSettingsRepository(SqliteConnectionFactory connections, TimeProvider time)
{
    public async Task<GuildConfig> GetAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            """
            SELECT category_id AS CategoryId, trail_channel_id AS TrailChannelId,
                   time_zone AS TimeZone, language AS Language, round_length AS RoundLength,
                   pool_cadence_hours AS PoolCadenceHours, pool_role_id AS PoolRoleId, pool_open AS PoolOpen
            FROM guild_settings WHERE guild_id = @guildId
            """, new { guildId });
        return row is null
            ? new GuildConfig(guildId)
            : new GuildConfig(guildId, row.CategoryId, row.TrailChannelId, row.TimeZone,
                LangExtensions.FromCode(row.Language), (int)row.RoundLength,
                (int)row.PoolCadenceHours, row.PoolRoleId, row.PoolOpen == 1);
    }

    /// <summary>
    /// The server a channel the bot posts in belongs to, from what the database knows of it: a session's room or a
    /// server's trail channel. For an instance whose gateway cache does not hold the server (another instance has its
    /// shard); null when neither names the channel.
    /// </summary>
    public async Task<Snowflake?> FindGuildOfChannelAsync(Snowflake channelId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var guild = await connection.QueryFirstOrDefaultAsync<long?>(
            """
            SELECT guild_id FROM sessions WHERE room_channel_id = @channelId
            UNION SELECT guild_id FROM guild_settings WHERE trail_channel_id = @channelId
            """, new { channelId });
        return guild is { } id ? new Snowflake((ulong)id) : null;
    }

    public async Task SaveAsync(GuildConfig settings, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO guild_settings (guild_id, category_id, trail_channel_id, time_zone, language, round_length,
                pool_cadence_hours, pool_role_id, pool_open, updated_at)
            VALUES (@GuildId, @CategoryId, @TrailChannelId, @TimeZone, @Language, @RoundLength, @PoolCadenceHours, @PoolRoleId, @poolOpen, @At)
            ON CONFLICT (guild_id) DO UPDATE SET
                category_id = excluded.category_id,
                trail_channel_id = excluded.trail_channel_id, time_zone = excluded.time_zone, language = excluded.language,
                round_length = excluded.round_length, pool_cadence_hours = excluded.pool_cadence_hours,
                pool_role_id = excluded.pool_role_id, pool_open = excluded.pool_open, updated_at = excluded.updated_at
            """,
            new
            {
                settings.GuildId, settings.CategoryId, settings.TrailChannelId, settings.TimeZone,
                Language = settings.Language?.Code(), settings.RoundLength,
                settings.PoolCadenceHours, settings.PoolRoleId, poolOpen = settings.PoolOpen ? 1 : 0, At = time.GetUtcNow(),
            });
    }

    private sealed record Row(Snowflake? CategoryId, Snowflake? TrailChannelId, string? TimeZone, string? Language, long RoundLength,
        long PoolCadenceHours, Snowflake? PoolRoleId, long PoolOpen);
}
