using CrossCoaching.Discord;
using CrossCoaching.Discord.Cache;
using Dapper;

namespace CrossCoaching.Storage;

/// <summary>
/// The guilds' state recorded for the other instances (table <c>guild_state</c>, one row per guild): written by the
/// instance holding the guild's shard, read by the others, which trust a row only while its writer's row in
/// <c>instances</c> is alive. Permissions are stored as the 64-bit integer Discord's bit field fits in.
/// </summary>
public sealed class GuildStateStore(SqliteConnectionFactory connections) : IGuildStateStore
{
    public bool Shared => connections.Provider == StorageProvider.Postgres;

    public async Task WriteAsync(IReadOnlyCollection<RecordedGuild> guilds, IReadOnlyCollection<Snowflake> removed, string recorder, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await using var work = await connections.BeginAsync(cancellationToken);
        if (guilds.Count > 0)
            await work.ExecuteAsync(
                """
                INSERT INTO guild_state (guild_id, recorded_by, recorded_at, name, owner_id, system_channel_id, preferred_locale, bot_permissions, categories)
                VALUES (@Guild, @recorder, @now, @Name, @Owner, @SystemChannel, @Locale, @Permissions, @Categories)
                ON CONFLICT (guild_id) DO UPDATE SET recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at, name = excluded.name,
                    owner_id = excluded.owner_id, system_channel_id = excluded.system_channel_id, preferred_locale = excluded.preferred_locale,
                    bot_permissions = excluded.bot_permissions, categories = excluded.categories
                """,
                guilds.Select(g => new
                {
                    Guild = (long)g.Id.Value, recorder, now, g.Name, Owner = (long)g.OwnerId.Value, SystemChannel = (long?)g.SystemChannelId?.Value,
                    Locale = g.PreferredLocale, Permissions = unchecked((long)(ulong)g.GuildPermissions), Categories = CategoriesJson.Write(g.Categories),
                }).ToList());
        if (removed.Count > 0)
            await work.ExecuteAsync("DELETE FROM guild_state WHERE guild_id IN @ids", new { ids = removed.Select(id => (long)id.Value).ToArray() });
        await work.CommitAsync(cancellationToken);
    }

    public async Task<RecordedGuild?> ReadAsync(Snowflake guildId, string reader, DateTimeOffset liveSince, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, long Owner, long? SystemChannel, string Locale, long Permissions, string Categories)>(
            """
            SELECT g.name, g.owner_id, g.system_channel_id, g.preferred_locale, g.bot_permissions, g.categories
            FROM guild_state g JOIN instances i ON i.id = g.recorded_by
            WHERE g.guild_id = @guild AND g.recorded_by <> @reader AND i.seen_at > @liveSince
            """, new { guild = (long)guildId.Value, reader, liveSince });
        return rows.Select(r => new RecordedGuild(guildId, r.Name, new Snowflake((ulong)r.Owner),
                r.SystemChannel is { } system ? new Snowflake((ulong)system) : null, r.Locale, (Permissions)unchecked((ulong)r.Permissions),
                CategoriesJson.Read(r.Categories)))
            .SingleOrDefault();
    }
}
