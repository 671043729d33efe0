using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Pairs;

public enum PairCreation
{
    Created,
    InvitationNotPending,
    AlreadyPaired,
}

public sealed class PairRepository(SqliteConnectionFactory connections)
{
    private const string Columns =
        """
        id AS Id, guild_id AS GuildId, member_a_id AS MemberA, member_b_id AS MemberB, name_a AS NameA, name_b AS NameB,
        status AS Status, round_number AS RoundNumber, round_started_at AS RoundStartedAt, created_at AS CreatedAt,
        home_channel_id AS HomeChannelId
        """;

    public async Task<Pair?> GetAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return Map(await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM pairs WHERE id = @pairId", new { pairId }));
    }

    /// <summary>The member's pair in this guild that has not ended (active or suspended).</summary>
    public async Task<Pair?> FindCurrentAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return Map(await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM pairs WHERE id = (SELECT pair_id FROM pair_members WHERE guild_id = @guildId AND user_id = @userId)",
            new { guildId, userId }));
    }

    /// <summary>The member's most recently formed pair in this guild that has ended, if any.</summary>
    public async Task<Pair?> FindLastEndedAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return Map(await connection.QueryFirstOrDefaultAsync<Row>(
            $"""
            SELECT {Columns} FROM pairs WHERE guild_id = @guildId AND status = 'ended' AND (member_a_id = @userId OR member_b_id = @userId)
            ORDER BY ended_at DESC, id DESC LIMIT 1
            """,
            new { guildId, userId }));
    }

    /// <summary>Back to active once the partner who left is back; false when the pair was not suspended.</summary>
    public async Task<bool> ReactivateAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE pairs SET status = 'active', end_reason = NULL WHERE id = @pairId AND status = 'suspended'", new { pairId }) == 1;
    }

    /// <summary>Every pair ever formed in a guild, ended ones included.</summary>
    public async Task<IReadOnlyList<Pair>> ListInGuildAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>($"SELECT {Columns} FROM pairs WHERE guild_id = @guildId", new { guildId })).Select(r => Map(r)!)];
    }

    public async Task<IReadOnlyList<Pair>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>($"SELECT {Columns} FROM pairs WHERE status = 'active'")).Select(r => Map(r)!)];
    }

    /// <summary>
    /// Accepts the invitation and forms the pair in one transaction. The primary key of pair_members refuses a member
    /// who is already paired here, so two accepts racing for the same person cannot both win.
    /// </summary>
    public async Task<(PairCreation Result, Pair? Pair)> CreateFromInvitationAsync(
        Invitation invitation, string inviterName, string inviteeName, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var accepted = await connection.ExecuteAsync(
            "UPDATE invitations SET status = 'accepted', answered_at = @now WHERE id = @Id AND status = 'pending' AND expires_at > @now",
            new { invitation.Id, now }, transaction);
        if (accepted == 0)
            return (PairCreation.InvitationNotPending, null);

        return await InsertAsync(connection, transaction, invitation.GuildId, (invitation.InviterId, inviterName), (invitation.InviteeId, inviteeName),
            invitation.ChannelId, now, cancellationToken);
    }

#pragma warning disable CA1822 // Like the other repositories: callers reach the repository, not its SQL.
    /// <summary>
    /// Forms a pair both members agreed to elsewhere (the matching pool) inside the caller's transaction, so that the
    /// pair commits with everything that forming it owes. The write lock is held, so a member found unpaired here stays
    /// so until the commit; the check comes first because a refused row would abort a PostgreSQL transaction.
    /// </summary>
    public async Task<(PairCreation Result, Pair? Pair)> CreateAsync(
        DbWork work, Snowflake guildId, (Snowflake Id, string Name) a, (Snowflake Id, string Name) b, Snowflake? homeChannel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.QuerySingleOrDefaultAsync<long>(
                "SELECT COUNT(*) FROM pair_members WHERE guild_id = @guildId AND user_id IN (@a, @b)", new { guildId, a = a.Id, b = b.Id }) > 0)
            return (PairCreation.AlreadyPaired, null);
        var pairId = await InsertRowsAsync(work.Connection, work.Transaction, guildId, a, b, homeChannel, now);
        return (PairCreation.Created, Map(await work.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM pairs WHERE id = @pairId", new { pairId })));
    }

#pragma warning restore CA1822

    private async Task<(PairCreation Result, Pair? Pair)> InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, Snowflake guildId,
        (Snowflake Id, string Name) a, (Snowflake Id, string Name) b, Snowflake? homeChannel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        long pairId;
        try
        {
            pairId = await InsertRowsAsync(connection, transaction, guildId, a, b, homeChannel, now);
        }
        catch (System.Data.Common.DbException e) when (e.IsConstraintViolation()) // SQLITE_CONSTRAINT: one of them is paired already
        {
            await transaction.RollbackAsync(cancellationToken);
            return (PairCreation.AlreadyPaired, null);
        }

        await transaction.CommitAsync(cancellationToken);
        return (PairCreation.Created, await GetAsync(pairId, cancellationToken));
    }

    /// <summary>The pair and its two member rows; the primary key of pair_members refuses a member already paired here.</summary>
    private static async Task<long> InsertRowsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, Snowflake guildId,
        (Snowflake Id, string Name) a, (Snowflake Id, string Name) b, Snowflake? homeChannel, DateTimeOffset now)
    {
        var pairId = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO pairs (guild_id, member_a_id, member_b_id, name_a, name_b, status, round_number, round_started_at, created_at, home_channel_id)
            VALUES (@guildId, @aId, @bId, @aName, @bName, 'active', 1, @now, @now, @homeChannel)
            RETURNING id
            """,
            new { guildId, aId = a.Id, bId = b.Id, aName = a.Name, bName = b.Name, now, homeChannel }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO pair_members (guild_id, user_id, pair_id, display_name) VALUES (@guildId, @user, @pairId, @name)",
            new[] { new { guildId, user = a.Id, pairId, name = a.Name }, new { guildId, user = b.Id, pairId, name = b.Name } }, transaction);
        return pairId;
    }

    /// <summary>Ends the pair: it keeps its history (sessions, trail) but its members are free to pair again.</summary>
    public async Task<bool> EndAsync(long pairId, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var work = await connections.BeginAsync(cancellationToken);
        var ended = await EndAsync(work, pairId, reason, now);
        await work.CommitAsync(cancellationToken);
        return ended;
    }

    /// <summary>As above, in the caller's transaction (with the letters the ending owes); false when it had ended already.</summary>
#pragma warning disable CA1822 // Like the other repositories: callers reach the repository, not its SQL.
    public async Task<bool> EndAsync(DbWork work, long pairId, string reason, DateTimeOffset now)
    {
        var ended = await work.ExecuteAsync(
            "UPDATE pairs SET status = 'ended', ended_at = @now, end_reason = @reason WHERE id = @pairId AND status <> 'ended'",
            new { pairId, reason, now });
        await work.ExecuteAsync("DELETE FROM pair_members WHERE pair_id = @pairId", new { pairId });
        return ended == 1;
    }
#pragma warning restore CA1822

    /// <summary>The ids of the guild's pairs that have not ended (active or suspended), oldest first.</summary>
    public async Task<IReadOnlyList<long>> ListCurrentIdsAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<long>("SELECT id FROM pairs WHERE guild_id = @guildId AND status <> 'ended' ORDER BY id", new { guildId })];
    }

    /// <summary>Stops the pair's sessions without ending it (a partner left the guild); the other partner may /unpair.</summary>
    public async Task<bool> SuspendAsync(long pairId, string reason, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE pairs SET status = 'suspended', end_reason = @reason WHERE id = @pairId AND status = 'active'",
            new { pairId, reason }) == 1;
    }

    /// <summary>
    /// Moves the pair from round <paramref name="fromRound"/> to the next one, once: false when it had moved on already
    /// (both partners pressing Continue at the same moment) or the pair is no longer active.
    /// </summary>
    public async Task<bool> StartNextRoundAsync(long pairId, int fromRound, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE pairs SET round_number = round_number + 1, round_started_at = @startedAt
            WHERE id = @pairId AND round_number = @fromRound AND status = 'active'
            """,
            new { pairId, fromRound, startedAt }) == 1;
    }

    private static Pair? Map(Row? r) => r is null ? null : new Pair(
        r.Id, r.GuildId, r.MemberA, r.MemberB, r.NameA, r.NameB, Enum.Parse<PairStatus>(r.Status, ignoreCase: true),
        (int)r.RoundNumber, r.RoundStartedAt, r.CreatedAt, r.HomeChannelId);

    private sealed record Row(
        long Id, Snowflake GuildId, Snowflake MemberA, Snowflake MemberB, string NameA, string NameB, string Status,
        long RoundNumber, DateTimeOffset RoundStartedAt, DateTimeOffset CreatedAt, Snowflake? HomeChannelId);
}
