using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Pairs;

public sealed class InvitationRepository(SqliteConnectionFactory connections)
{
    private const string Columns =
        """
        id AS Id, guild_id AS GuildId, channel_id AS ChannelId, message_id AS MessageId, inviter_id AS InviterId, inviter_name AS InviterName,
        invitee_id AS InviteeId, status AS Status, created_at AS CreatedAt, expires_at AS ExpiresAt
        """;

    /// <returns>The new invitation, or null when the same invitation is already pending.</returns>
    public async Task<Invitation?> CreateAsync(
        Snowflake guildId, Snowflake channelId, Snowflake inviterId, string inviterName, Snowflake inviteeId, DateTimeOffset now,
        DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // An expired invitation that no sweep has marked yet must not block a new one.
        await connection.ExecuteAsync(
            "UPDATE invitations SET status = 'expired' WHERE status = 'pending' AND expires_at <= @now AND guild_id = @guildId AND inviter_id = @inviterId AND invitee_id = @inviteeId",
            new { guildId, inviterId, inviteeId, now });
        try
        {
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO invitations (guild_id, channel_id, inviter_id, inviter_name, invitee_id, status, created_at, expires_at)
                VALUES (@guildId, @channelId, @inviterId, @inviterName, @inviteeId, 'pending', @now, @expiresAt) RETURNING id
                """,
                new { guildId, channelId, inviterId, inviterName, inviteeId, now, expiresAt });
            return new Invitation(id, guildId, channelId, null, inviterId, inviterName, inviteeId, InvitationStatus.Pending, now, expiresAt);
        }
        catch (System.Data.Common.DbException e) when (e.IsConstraintViolation())
        {
            return null;
        }
    }

    public async Task<Invitation?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return Map(await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM invitations WHERE id = @id", new { id }));
    }

    public async Task<Invitation?> FindPendingAsync(Snowflake guildId, Snowflake inviterId, Snowflake inviteeId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return Map(await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM invitations WHERE guild_id = @guildId AND inviter_id = @inviterId AND invitee_id = @inviteeId AND status = 'pending' AND expires_at > @now",
            new { guildId, inviterId, inviteeId, now }));
    }

    /// <summary>When <paramref name="inviteeId"/> last declined an invitation of <paramref name="inviterId"/>, if ever.</summary>
    public async Task<DateTimeOffset?> LastDeclinedAtAsync(Snowflake guildId, Snowflake inviterId, Snowflake inviteeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(
            """
            SELECT answered_at FROM invitations
            WHERE guild_id = @guildId AND inviter_id = @inviterId AND invitee_id = @inviteeId AND status = 'declined' AND answered_at IS NOT NULL
            ORDER BY answered_at DESC LIMIT 1
            """,
            new { guildId, inviterId, inviteeId });
    }

    public async Task SetMessageAsync(long id, Snowflake messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE invitations SET message_id = @messageId WHERE id = @id", new { id, messageId });
    }

    /// <summary>Moves a pending invitation to a final state; false when it was no longer pending.</summary>
    public async Task<bool> CloseAsync(long id, InvitationStatus status, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE invitations SET status = @status, answered_at = @now WHERE id = @id AND status = 'pending'",
            new { id, status = status.ToString().ToLowerInvariant(), now }) == 1;
    }

    /// <summary>Pending invitations involving either member, e.g. to withdraw once they formed a pair.</summary>
    public async Task<IReadOnlyList<Invitation>> ListPendingInvolvingAsync(Snowflake guildId, IReadOnlyList<Snowflake> members, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM invitations WHERE guild_id = @guildId AND status = 'pending' AND (inviter_id IN @members OR invitee_id IN @members)",
            // Dapper expands a list into one parameter per item, without our type handlers: pass raw integers.
            new { guildId, members = members.Select(m => (long)m.Value).ToArray() })).Select(r => Map(r)!)];
    }

#pragma warning disable CA1822 // Like the other repositories: callers reach the repository, not its SQL.
    /// <summary>
    /// Cancels the pending invitations involving either member in the caller's transaction (they formed a pair
    /// elsewhere) and returns them, so that their messages can be edited by letters written in that transaction too.
    /// </summary>
    public async Task<IReadOnlyList<Invitation>> CancelPendingInvolvingAsync(DbWork work, Snowflake guildId, IReadOnlyList<Snowflake> members, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(work);
        return [.. (await work.Connection.QueryAsync<Row>(
            $"""
            UPDATE invitations SET status = 'cancelled', answered_at = @now
            WHERE guild_id = @guildId AND status = 'pending' AND (inviter_id IN @members OR invitee_id IN @members)
            RETURNING {Columns}
            """,
            new { guildId, now, members = members.Select(m => (long)m.Value).ToArray() }, work.Transaction)).Select(r => Map(r)!)];
    }

#pragma warning restore CA1822

    /// <summary>Marks overdue invitations expired and returns them, so their messages can say so.</summary>
    public async Task<IReadOnlyList<Invitation>> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"UPDATE invitations SET status = 'expired', answered_at = @now WHERE status = 'pending' AND expires_at <= @now RETURNING {Columns}",
            new { now });
        return [.. rows.Select(r => Map(r)!)];
    }

    private static Invitation? Map(Row? r) => r is null ? null : new Invitation(
        r.Id, r.GuildId, r.ChannelId, r.MessageId, r.InviterId, r.InviterName, r.InviteeId, Enum.Parse<InvitationStatus>(r.Status, ignoreCase: true), r.CreatedAt, r.ExpiresAt);

    private sealed record Row(
        long Id, Snowflake GuildId, Snowflake ChannelId, Snowflake? MessageId, Snowflake InviterId, string InviterName, Snowflake InviteeId,
        string Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
}
