using CrossCoaching.Discord;
using CrossCoaching.Pool.Matching;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Pool;

/// <summary>Members' entries in the pool and their blocks.</summary>
public sealed class PoolEntryRepository(SqliteConnectionFactory connections)
{
    private const string Columns =
        """
        guild_id AS GuildId, user_id AS UserId, display_name AS DisplayName, time_zone AS TimeZone, languages AS Languages,
        windows AS Windows, someone_new AS SomeoneNew, joined_at AS JoinedAt, waiting_since AS WaitingSince,
        expires_at AS ExpiresAt, reminded AS Reminded, channel_id AS ChannelId
        """;

    /// <summary>
    /// Enters the pool, or changes the entry: a change keeps the member's place in line and renews the expiry (and
    /// its reminder), since changing an entry says the member is still looking.
    /// </summary>
    public async Task JoinAsync(PoolEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO pool_entries (guild_id, user_id, display_name, time_zone, languages, windows, someone_new, joined_at, waiting_since, expires_at, reminded, channel_id)
            VALUES (@GuildId, @UserId, @DisplayName, @TimeZone, @languages, @windows, @someoneNew, @JoinedAt, @WaitingSince, @ExpiresAt, 0, @ChannelId)
            ON CONFLICT (guild_id, user_id) DO UPDATE SET display_name = excluded.display_name, time_zone = excluded.time_zone,
                languages = excluded.languages, windows = excluded.windows, someone_new = excluded.someone_new,
                expires_at = excluded.expires_at, reminded = 0, channel_id = coalesce(excluded.channel_id, pool_entries.channel_id)
            """,
            new { entry.GuildId, entry.UserId, entry.DisplayName, entry.TimeZone, languages = (int)entry.Languages, windows = PoolWindowText.Format(entry.Windows),
                someoneNew = entry.SomeoneNew ? 1 : 0, entry.JoinedAt, entry.WaitingSince, entry.ExpiresAt, entry.ChannelId });
    }

    public async Task<PoolEntry?> GetAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM pool_entries WHERE guild_id = @guildId AND user_id = @userId", new { guildId, userId });
        return row?.ToEntry();
    }

#pragma warning disable CA1822 // Like the other repositories: callers reach the repository, not its SQL.
    /// <summary>Read in the caller's transaction, so what it then decides about the entry holds until it commits.</summary>
    public async Task<PoolEntry?> GetAsync(DbWork work, Snowflake guildId, Snowflake userId)
    {
        ArgumentNullException.ThrowIfNull(work);
        var row = await work.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM pool_entries WHERE guild_id = @guildId AND user_id = @userId", new { guildId, userId });
        return row?.ToEntry();
    }

#pragma warning restore CA1822

    /// <summary>Takes the entry out of the pool in the caller's transaction; false when it was not there.</summary>
    public static async Task<bool> RemoveAsync(DbWork work, Snowflake guildId, Snowflake userId)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await work.ExecuteAsync("DELETE FROM pool_entries WHERE guild_id = @guildId AND user_id = @userId", new { guildId, userId }) > 0;
    }

    public async Task<bool> LeaveAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM pool_entries WHERE guild_id = @guildId AND user_id = @userId", new { guildId, userId }) > 0;
    }

    /// <summary>
    /// The entries the matcher may pair now: not expired, not already paired here, not waiting on a proposal.
    /// </summary>
    public async Task<IReadOnlyList<PoolEntry>> WaitingAsync(Snowflake guildId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"""
            SELECT {Columns} FROM pool_entries e
            WHERE guild_id = @guildId AND expires_at > @now
              AND NOT EXISTS (SELECT 1 FROM pair_members m WHERE m.guild_id = e.guild_id AND m.user_id = e.user_id)
              AND NOT EXISTS (SELECT 1 FROM pool_proposals p WHERE p.guild_id = e.guild_id AND p.status = 'pending'
                              AND e.user_id IN (p.member_a_id, p.member_b_id))
            """,
            new { guildId, now });
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <summary>Entries whose expiry comes within <paramref name="lead"/> and that have not been reminded yet.</summary>
    public async Task<IReadOnlyList<PoolEntry>> ReminderDueAsync(DateTimeOffset now, TimeSpan lead, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM pool_entries WHERE reminded = 0 AND expires_at > @now AND expires_at <= @until",
            new { now, until = now + lead });
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <summary>Marks the reminder sent; false when another run (or a renewal) got there first.</summary>
    public async Task<bool> MarkRemindedAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE pool_entries SET reminded = 1 WHERE guild_id = @guildId AND user_id = @userId AND reminded = 0", new { guildId, userId }) > 0;
    }

    /// <summary>
    /// Removes the entries that have expired and returns them, so that their members can be told. An entry waiting on
    /// an answer to a proposal stays until that proposal closes: the pair it may form needs its name and channel.
    /// </summary>
    /// <param name="owe">Writes the message each removal owes, in the same transaction.</param>
    public async Task<IReadOnlyList<PoolEntry>> RemoveExpiredAsync(
        DateTimeOffset now, Func<DbWork, PoolEntry, Task>? owe = null, CancellationToken cancellationToken = default)
    {
        await using var work = await connections.BeginAsync(cancellationToken);
        var rows = await work.Connection.QueryAsync<Row>(
            $"""
            DELETE FROM pool_entries WHERE expires_at <= @now
              AND NOT EXISTS (SELECT 1 FROM pool_proposals p WHERE p.guild_id = pool_entries.guild_id AND p.status = 'pending'
                              AND pool_entries.user_id IN (p.member_a_id, p.member_b_id))
            RETURNING {Columns}
            """, new { now }, work.Transaction);
        var removed = rows.Select(r => r.ToEntry()).ToList();
        foreach (var entry in removed.Where(_ => owe is not null))
            await owe!(work, entry);
        await work.CommitAsync(cancellationToken);
        return removed;
    }

    /// <summary>The guilds where someone is waiting: the only ones a scheduled matching run has anything to do in.</summary>
    public async Task<IReadOnlyList<Snowflake>> GuildsWaitingAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<Snowflake>("SELECT DISTINCT guild_id FROM pool_entries WHERE expires_at > @now", new { now })];
    }

    public async Task BlockAsync(Snowflake guildId, Snowflake blockerId, Snowflake blockedId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO pool_blocks (guild_id, blocker_id, blocked_id, created_at) VALUES (@guildId, @blockerId, @blockedId, @now) ON CONFLICT DO NOTHING",
            new { guildId, blockerId, blockedId, now });
    }

    public async Task<bool> UnblockAsync(Snowflake guildId, Snowflake blockerId, Snowflake blockedId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "DELETE FROM pool_blocks WHERE guild_id = @guildId AND blocker_id = @blockerId AND blocked_id = @blockedId", new { guildId, blockerId, blockedId }) > 0;
    }

    private sealed record Row(
        Snowflake GuildId, Snowflake UserId, string DisplayName, string TimeZone, long Languages, string Windows, long SomeoneNew,
        DateTimeOffset JoinedAt, DateTimeOffset WaitingSince, DateTimeOffset ExpiresAt, long Reminded, Snowflake? ChannelId)
    {
        public PoolEntry ToEntry() => new(GuildId, UserId, DisplayName, TimeZone, (PoolLanguages)Languages, PoolWindowText.Parse(Windows),
            SomeoneNew != 0, JoinedAt, WaitingSince, ExpiresAt, Reminded != 0, ChannelId);
    }
}
