using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Sessions;

/// <summary>Where the bot's rooms are: per category, and the overflow categories it made.</summary>
public sealed class RoomRepository(SqliteConnectionFactory connections)
{
    /// <summary>Rooms of sessions not finished yet, per parent category (null = top level).</summary>
    public async Task<IReadOnlyList<(Snowflake RoomId, Snowflake? ParentId)>> ListLiveRoomsAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<(Snowflake, Snowflake?)>(
            "SELECT room_channel_id, room_parent_id FROM sessions WHERE guild_id = @guildId AND room_channel_id IS NOT NULL",
            new { guildId })];
    }

    public async Task<IReadOnlyList<Snowflake>> ListOverflowCategoriesAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<Snowflake>(
            "SELECT category_id FROM overflow_categories WHERE guild_id = @guildId ORDER BY created_at, category_id", new { guildId })];
    }

    public async Task<IReadOnlyList<Snowflake>> ListGuildsWithOverflowAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<Snowflake>("SELECT DISTINCT guild_id FROM overflow_categories")];
    }

    public async Task AddOverflowCategoryAsync(Snowflake guildId, Snowflake categoryId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO overflow_categories (category_id, guild_id, created_at) VALUES (@categoryId, @guildId, @now) ON CONFLICT DO NOTHING",
            new { guildId, categoryId, now });
    }

    public async Task RemoveOverflowCategoryAsync(Snowflake categoryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM overflow_categories WHERE category_id = @categoryId", new { categoryId });
    }

    public async Task<bool> IsOverflowCategoryAsync(Snowflake categoryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM overflow_categories WHERE category_id = @categoryId)", new { categoryId });
    }
}
