using System.Data.Common;
using CrossCoaching.Discord;
using CrossCoaching.Pool.Matching;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Pool;

/// <summary>The matcher's proposals, their answers and the declines they leave behind.</summary>
public sealed class PoolProposalRepository(SqliteConnectionFactory connections)
{
    private const string Columns =
        """
        id AS Id, guild_id AS GuildId, member_a_id AS MemberA, member_b_id AS MemberB, slot AS Slot, time_zone AS TimeZone,
        status AS Status, a_answer AS AnswerA, b_answer AS AnswerB, created_at AS CreatedAt, expires_at AS ExpiresAt
        """;

    /// <summary>
    /// Records the matcher's matches as pending proposals, in one transaction. A member who meanwhile got another
    /// pending proposal, left the pool or was paired is skipped, so a member never holds two proposals at once.
    /// </summary>
    /// <param name="owe">Writes the messages each proposal owes, in the same transaction.</param>
    public async Task<IReadOnlyList<PoolProposal>> ProposeAsync(
        Snowflake guildId, IEnumerable<PoolMatch> matches, DateTimeOffset now, DateTimeOffset expiresAt,
        Func<DbWork, PoolProposal, Task>? owe = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matches);
        await using var work = await connections.BeginAsync(cancellationToken);
        var (connection, transaction) = (work.Connection, work.Transaction);
        var created = new List<PoolProposal>();
        foreach (var match in matches)
        {
            var (a, b) = (new Snowflake(match.First), new Snowflake(match.Second));
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                $"""
                INSERT INTO pool_proposals (guild_id, member_a_id, member_b_id, slot, time_zone, status, created_at, expires_at)
                SELECT @guildId, @a, @b, @slot, e.time_zone, 'pending', @now, @expiresAt FROM pool_entries e
                WHERE e.guild_id = @guildId AND e.user_id = @a
                  AND EXISTS (SELECT 1 FROM pool_entries WHERE guild_id = @guildId AND user_id = @b)
                  AND NOT EXISTS (SELECT 1 FROM pair_members WHERE guild_id = @guildId AND user_id IN (@a, @b))
                  AND NOT EXISTS (SELECT 1 FROM pool_proposals WHERE guild_id = @guildId AND status = 'pending'
                                  AND (member_a_id IN (@a, @b) OR member_b_id IN (@a, @b)))
                RETURNING {Columns}
                """,
                new { guildId, a, b, slot = match.Slot, now, expiresAt }, transaction);
            if (row is null)
                continue;
            created.Add(row.ToProposal());
            if (owe is not null)
                await owe(work, created[^1]);
        }

        await work.CommitAsync(cancellationToken);
        return created;
    }

    public async Task<PoolProposal?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM pool_proposals WHERE id = @id", new { id }))?.ToProposal();
    }

    /// <summary>The proposal waiting on this member's answer here, if any (a member holds at most one).</summary>
    public async Task<PoolProposal?> PendingForAsync(Snowflake guildId, Snowflake userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryFirstOrDefaultAsync<Row>(
            $"""
            SELECT {Columns} FROM pool_proposals
            WHERE guild_id = @guildId AND status = 'pending' AND expires_at > @now AND @userId IN (member_a_id, member_b_id)
            """, new { guildId, userId, now }))?.ToProposal();
    }

    /// <summary>
    /// Records one member's answer. A decline closes the proposal, remembers who declined whom and puts the other
    /// member back at the head of the line; the second acceptance closes it as accepted and takes both out of the
    /// pool, the pair formed by <paramref name="owe"/>. All in one transaction, so two answers at once cannot both close
    /// it, and a crash cannot leave it accepted without its pair.
    /// </summary>
    /// <param name="owe">Writes the messages the answer owes, in the same transaction.</param>
    public async Task<(PoolAnswerOutcome Outcome, PoolProposal? Proposal)> AnswerAsync(
        long id, Snowflake userId, bool accept, DateTimeOffset now,
        Func<DbWork, PoolAnswerOutcome, PoolProposal, Task>? owe = null, CancellationToken cancellationToken = default)
    {
        await using var work = await connections.BeginAsync(cancellationToken);
        var (connection, transaction) = (work.Connection, work.Transaction);
        var proposal = (await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM pool_proposals WHERE id = @id AND status = 'pending' AND expires_at > @now", new { id, now }, transaction))?.ToProposal();
        if (proposal is null || !proposal.Involves(userId))
            return (PoolAnswerOutcome.NotPending, proposal);

        var column = userId == proposal.MemberA ? "a_answer" : "b_answer";
        proposal = userId == proposal.MemberA ? proposal with { AnswerA = accept } : proposal with { AnswerB = accept };
        var status = !accept ? "declined" : proposal is { AnswerA: true, AnswerB: true } ? "accepted" : "pending";
        await connection.ExecuteAsync(
            $"UPDATE pool_proposals SET {column} = @accept, status = @status, closed_at = CASE WHEN @status = 'pending' THEN NULL ELSE @now END WHERE id = @id",
            new { id, accept, status, now }, transaction);

        PoolAnswerOutcome outcome;
        if (!accept)
        {
            await RememberDeclineAsync(connection, transaction, proposal.GuildId, userId, proposal.OtherThan(userId), now);
            await FirstInLineAsync(connection, transaction, proposal.GuildId, proposal.OtherThan(userId));
            (outcome, proposal) = (PoolAnswerOutcome.Declined, proposal with { Status = PoolProposalStatus.Declined });
        }
        else if (status == "accepted")
        {
            (outcome, proposal) = (PoolAnswerOutcome.BothAccepted, proposal with { Status = PoolProposalStatus.Accepted });
        }
        else
        {
            outcome = PoolAnswerOutcome.WaitingForOther;
        }

        // What the answer owes (for both acceptances: the pair, its ritual and the news) joins this transaction, and
        // reads the entries before they leave the pool.
        if (owe is not null)
            await owe(work, outcome, proposal);
        if (outcome == PoolAnswerOutcome.BothAccepted)
        {
            await connection.ExecuteAsync(
                "DELETE FROM pool_entries WHERE guild_id = @GuildId AND user_id IN (@MemberA, @MemberB)", new { proposal.GuildId, proposal.MemberA, proposal.MemberB }, transaction);
        }

        await work.CommitAsync(cancellationToken);
        return (outcome, proposal);
    }

    /// <summary>
    /// Closes the pending proposals that went unanswered past their expiry. Whoever did not answer is taken out of
    /// the pool (they showed no sign of looking; they can join again) and counts as having declined the other; a
    /// member who had accepted goes back to the head of the line.
    /// </summary>
    /// <param name="owe">Writes the messages each expiry owes, in the same transaction.</param>
    public async Task<IReadOnlyList<PoolProposal>> ExpireAsync(
        DateTimeOffset now, Func<DbWork, PoolProposal, Task>? owe = null, CancellationToken cancellationToken = default)
    {
        await using var work = await connections.BeginAsync(cancellationToken);
        var (connection, transaction) = (work.Connection, work.Transaction);
        var expired = (await connection.QueryAsync<Row>(
            $"UPDATE pool_proposals SET status = 'expired', closed_at = @now WHERE status = 'pending' AND expires_at <= @now RETURNING {Columns}",
            new { now }, transaction)).Select(r => r.ToProposal()).ToList();
        foreach (var p in expired)
        {
            foreach (var (member, answer) in new[] { (p.MemberA, p.AnswerA), (p.MemberB, p.AnswerB) })
            {
                if (answer == true)
                {
                    await FirstInLineAsync(connection, transaction, p.GuildId, member);
                    continue;
                }

                await RememberDeclineAsync(connection, transaction, p.GuildId, member, p.OtherThan(member), now);
                await connection.ExecuteAsync("DELETE FROM pool_entries WHERE guild_id = @GuildId AND user_id = @member", new { p.GuildId, member }, transaction);
            }

            if (owe is not null)
                await owe(work, p);
        }

        await work.CommitAsync(cancellationToken);
        return expired;
    }

    public async Task<PoolStats> StatsAsync(Snowflake guildId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<(long, long, long, long, long)>(
            """
            SELECT (SELECT COUNT(*) FROM pool_entries WHERE guild_id = @guildId AND expires_at > @now) AS Waiting,
                   COUNT(*) FILTER (WHERE status = 'pending') AS Proposed, COUNT(*) FILTER (WHERE status = 'accepted') AS Accepted,
                   COUNT(*) FILTER (WHERE status = 'declined') AS Declined, COUNT(*) FILTER (WHERE status = 'expired') AS Expired
            FROM pool_proposals WHERE guild_id = @guildId
            """,
            new { guildId, now });
        return new PoolStats((int)counts.Item1, (int)counts.Item2, (int)counts.Item3, (int)counts.Item4, (int)counts.Item5);
    }

    private static Task<int> RememberDeclineAsync(DbConnection connection, DbTransaction transaction, Snowflake guildId, Snowflake decliner, Snowflake other, DateTimeOffset now) =>
        connection.ExecuteAsync(
            "INSERT INTO pool_declines (guild_id, decliner_id, other_id, declined_at) VALUES (@guildId, @decliner, @other, @now) ON CONFLICT DO NOTHING",
            new { guildId, decliner, other, now }, transaction);

    // Earlier than anyone waiting in the guild: the matcher serves the longest wait first. Computed here rather than
    // with the database's date functions, which SQLite and PostgreSQL do not share.
    private static async Task FirstInLineAsync(DbConnection connection, DbTransaction transaction, Snowflake guildId, Snowflake userId)
    {
        var head = await connection.ExecuteScalarAsync<string?>(
            "SELECT MIN(waiting_since) FROM pool_entries WHERE guild_id = @guildId", new { guildId }, transaction);
        if (head is not null)
        {
            await connection.ExecuteAsync(
                "UPDATE pool_entries SET waiting_since = @since WHERE guild_id = @guildId AND user_id = @userId",
                new { since = DapperTypeHandlers.ParseInstant(head).AddSeconds(-1), guildId, userId }, transaction);
        }
    }

    private sealed record Row(
        long Id, Snowflake GuildId, Snowflake MemberA, Snowflake MemberB, DateTimeOffset Slot, string TimeZone, string Status,
        long? AnswerA, long? AnswerB, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
    {
        public PoolProposal ToProposal() => new(Id, GuildId, MemberA, MemberB, Slot, TimeZone, Enum.Parse<PoolProposalStatus>(Status, ignoreCase: true),
            AnswerA is null ? null : AnswerA != 0, AnswerB is null ? null : AnswerB != 0, CreatedAt, ExpiresAt);
    }
}
