using System.Data.Common;
using CrossCoaching.Discord;
using Dapper;

namespace CrossCoaching.Pool;

/// <summary>The member's own entry in the pool, the blocks they set, the proposals made to them and what they declined.</summary>
/// <remarks>
/// Blocks set by others against the member are the others' data, and saying who blocked someone would defeat the
/// block: they are neither exported nor forgotten with the member (a member who comes back stays blocked).
/// </remarks>
public sealed record ExportPool(ExportPoolEntry? Entry, IReadOnlyList<ExportPoolBlock> Blocks, IReadOnlyList<ExportPoolProposal> Proposals, IReadOnlyList<ExportPoolDecline> Declines);

/// <param name="Languages"><c>en</c>, <c>fr</c> or <c>en,fr</c>.</param>
/// <param name="Windows">Weekly windows in <paramref name="TimeZone"/>, as stored: <c>mon 18:00-20:00;thu 07:30-08:30</c>.</param>
public sealed record ExportPoolEntry(string TimeZone, string Languages, string Windows, bool SomeoneNew, DateTimeOffset JoinedAt, DateTimeOffset ExpiresAt);

public sealed record ExportPoolBlock(string BlockedMemberId, DateTimeOffset BlockedAt);

/// <param name="YourAnswer"><c>accepted</c>, <c>declined</c> or null when not given.</param>
public sealed record ExportPoolProposal(string OtherMemberId, DateTimeOffset Slot, string Status, string? YourAnswer, DateTimeOffset ProposedAt);

public sealed record ExportPoolDecline(string OtherMemberId, DateTimeOffset DeclinedAt);

/// <summary>Reads and erases a member's pool data for <c>/me export</c> and <c>/me forget</c>.</summary>
public static class PoolPersonalData
{
    /// <returns>Null when the member never used the pool here.</returns>
    public static async Task<ExportPool?> ReadAsync(DbConnection connection, Snowflake guildId, Snowflake userId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var member = new { guildId, userId };
        var entry = await connection.QuerySingleOrDefaultAsync<EntryRow>(
            """
            SELECT time_zone AS TimeZone, languages AS Languages, windows AS Windows, someone_new AS SomeoneNew, joined_at AS JoinedAt, expires_at AS ExpiresAt
            FROM pool_entries WHERE guild_id = @guildId AND user_id = @userId
            """, member);
        var blocks = await connection.QueryAsync<BlockRow>(
            "SELECT blocked_id AS Blocked, created_at AS At FROM pool_blocks WHERE guild_id = @guildId AND blocker_id = @userId ORDER BY created_at", member);
        var proposals = await connection.QueryAsync<ProposalRow>(
            """
            SELECT CASE WHEN member_a_id = @userId THEN member_b_id ELSE member_a_id END AS Other, slot AS Slot, status AS Status,
                   CASE WHEN member_a_id = @userId THEN a_answer ELSE b_answer END AS Answer, created_at AS CreatedAt
            FROM pool_proposals WHERE guild_id = @guildId AND @userId IN (member_a_id, member_b_id) ORDER BY created_at
            """, member);
        var declines = await connection.QueryAsync<BlockRow>(
            "SELECT other_id AS Blocked, declined_at AS At FROM pool_declines WHERE guild_id = @guildId AND decliner_id = @userId ORDER BY declined_at", member);

        var export = new ExportPool(
            entry is null ? null : new ExportPoolEntry(entry.TimeZone, LanguageCodes(entry.Languages), entry.Windows, entry.SomeoneNew != 0, entry.JoinedAt, entry.ExpiresAt),
            [.. blocks.Select(b => new ExportPoolBlock(b.Blocked.ToString(), b.At))],
            [.. proposals.Select(p => new ExportPoolProposal(p.Other.ToString(), p.Slot, p.Status, p.Answer switch { 1 => "accepted", 0 => "declined", _ => null }, p.CreatedAt))],
            [.. declines.Select(d => new ExportPoolDecline(d.Blocked.ToString(), d.At))]);
        return export is { Entry: null, Blocks: [], Proposals: [], Declines: [] } ? null : export;
    }

    /// <summary>Deletes the member's pool data inside the caller's transaction; returns the number of rows removed.</summary>
    public static async Task<int> EraseAsync(DbConnection connection, DbTransaction transaction, Snowflake guildId, Snowflake userId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.ExecuteAsync(
            """
            DELETE FROM pool_entries WHERE guild_id = @guildId AND user_id = @userId;
            DELETE FROM pool_blocks WHERE guild_id = @guildId AND blocker_id = @userId;
            DELETE FROM pool_declines WHERE guild_id = @guildId AND decliner_id = @userId;
            DELETE FROM pool_proposals WHERE guild_id = @guildId AND @userId IN (member_a_id, member_b_id);
            """, new { guildId, userId }, transaction);
    }

    private static string LanguageCodes(long languages) => languages switch { 1 => "en", 2 => "fr", _ => "en,fr" };

    private sealed record EntryRow(string TimeZone, long Languages, string Windows, long SomeoneNew, DateTimeOffset JoinedAt, DateTimeOffset ExpiresAt);

    private sealed record BlockRow(Snowflake Blocked, DateTimeOffset At);

    // Properties, not a constructor: SQLite types the CASE columns of an empty result as BLOB, which no constructor matches.
    private sealed class ProposalRow
    {
        public Snowflake Other { get; init; }

        public DateTimeOffset Slot { get; init; }

        public string Status { get; init; } = "";

        public long? Answer { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }
}
