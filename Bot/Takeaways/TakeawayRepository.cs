using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Takeaways;

public sealed class TakeawayRepository(SqliteConnectionFactory connections)
{
    private const string Columns =
        """
        id AS Id, session_id AS SessionId, pair_id AS PairId, author_id AS AuthorId, author_name AS AuthorName, text AS Text,
        visibility AS Visibility, created_at AS CreatedAt, updated_at AS UpdatedAt, revealed_at AS RevealedAt, route AS Route,
        delivered_at AS DeliveredAt
        """;

    /// <summary>
    /// Stores the author's takeaway for the session, replacing the one they wrote before as long as it is held.
    /// The check and the write share one immediate transaction, so a reveal cannot slip in between.
    /// </summary>
    public async Task<TakeawaySave> SaveAsync(
        long sessionId, long pairId, Snowflake authorId, string authorName, string text, TakeawayVisibility visibility, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var existing = await connection.QuerySingleOrDefaultAsync<Held>(
            "SELECT id AS Id, revealed_at AS RevealedAt FROM takeaways WHERE session_id = @sessionId AND author_id = @authorId", new { sessionId, authorId }, transaction);
        if (existing is { RevealedAt: not null })
            return TakeawaySave.AlreadyRevealed;

        var args = new { sessionId, pairId, authorId, authorName, text, visibility = visibility.Code(), now };
        await connection.ExecuteAsync(existing is null
            ? """
              INSERT INTO takeaways (session_id, pair_id, author_id, author_name, text, visibility, created_at, updated_at)
              VALUES (@sessionId, @pairId, @authorId, @authorName, @text, @visibility, @now, @now)
              """
            : """
              UPDATE takeaways SET author_name = @authorName, text = @text, visibility = @visibility, updated_at = @now
              WHERE session_id = @sessionId AND author_id = @authorId
              """, args, transaction);
        await transaction.CommitAsync(cancellationToken);
        return existing is null ? TakeawaySave.Created : TakeawaySave.Replaced;
    }

    /// <summary>Changes who will read a held takeaway; false when it is no longer held (or does not exist).</summary>
    public async Task<bool> SetVisibilityAsync(long sessionId, Snowflake authorId, TakeawayVisibility visibility, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE takeaways SET visibility = @visibility, updated_at = @now WHERE session_id = @sessionId AND author_id = @authorId AND revealed_at IS NULL",
            new { sessionId, authorId, visibility = visibility.Code(), now }) == 1;
    }

    public async Task<Takeaway?> FindAsync(long sessionId, Snowflake authorId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM takeaways WHERE session_id = @sessionId AND author_id = @authorId", new { sessionId, authorId }, cancellationToken))
        .SingleOrDefault();

    public Task<IReadOnlyList<Takeaway>> ListForSessionAsync(long sessionId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM takeaways WHERE session_id = @sessionId ORDER BY created_at, id", new { sessionId }, cancellationToken);

    public Task<IReadOnlyList<Takeaway>> ListForPairAsync(long pairId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM takeaways WHERE pair_id = @pairId ORDER BY session_id, created_at, id", new { pairId }, cancellationToken);

    /// <summary>
    /// Reveals every held takeaway of the session and decides where each goes. This is the claim: of two callers at
    /// the same instant (both partners posting, the reconciler), only the first gets rows back and delivers them.
    /// Private takeaways go nowhere, so they are delivered as they are revealed.
    /// </summary>
    public Task<IReadOnlyList<Takeaway>> ClaimRevealAsync(long sessionId, TakeawayRoute publicRoute, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            UPDATE takeaways SET revealed_at = @now,
                route = CASE visibility WHEN 'public' THEN @publicRoute WHEN 'pair' THEN 'partner' ELSE 'none' END,
                delivered_at = CASE visibility WHEN 'private' THEN @now END
            WHERE session_id = @sessionId AND revealed_at IS NULL
            RETURNING {Columns}
            """, new { sessionId, publicRoute = publicRoute.Code(), now }, cancellationToken);

    public async Task MarkDeliveredAsync(IEnumerable<long> ids, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE takeaways SET delivered_at = @now WHERE id IN @ids AND delivered_at IS NULL", new { ids = SqlLists.OrNoId(ids), now });
    }

    /// <summary>Delivered as the message that carries them is owed, in the same transaction.</summary>
    public static Task MarkDeliveredAsync(DbWork work, IEnumerable<long> ids, DateTimeOffset now) =>
        work.ExecuteAsync("UPDATE takeaways SET delivered_at = @now WHERE id IN @ids AND delivered_at IS NULL", new { ids = SqlLists.OrNoId(ids), now });

    /// <summary>Sessions with a takeaway still held: the reconciler reveals them once their deadline passed.</summary>
    public async Task<IReadOnlyList<long>> ListSessionsWithHeldAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<long>("SELECT DISTINCT session_id FROM takeaways WHERE revealed_at IS NULL")];
    }

    /// <summary>Sessions with a takeaway revealed since <paramref name="since"/> that has not reached its reader yet.</summary>
    public async Task<IReadOnlyList<long>> ListSessionsUndeliveredAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<long>(
            "SELECT DISTINCT session_id FROM takeaways WHERE revealed_at IS NOT NULL AND delivered_at IS NULL AND revealed_at >= @since", new { since })];
    }

    /// <summary>Trail messages a forget left to re-render (see <see cref="TakeawayReveal.RefreshTrailAsync"/>).</summary>
    public async Task<IReadOnlyList<long>> ListTrailRefreshesOwedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // A session purged since (its server's data deleted) owes nothing any more.
        await connection.ExecuteAsync("DELETE FROM trail_refreshes_owed WHERE session_id NOT IN (SELECT id FROM sessions)");
        return [.. await connection.QueryAsync<long>("SELECT session_id FROM trail_refreshes_owed ORDER BY owed_at, session_id")];
    }

    private async Task<IReadOnlyList<Takeaway>> QueryAsync(string sql, object args, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(sql, args)).Select(r => r.ToTakeaway())];
    }

    private sealed record Held(long Id, DateTimeOffset? RevealedAt);

    private sealed record Row(
        long Id, long SessionId, long PairId, Snowflake? AuthorId, string AuthorName, string Text, string Visibility,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? RevealedAt, string? Route, DateTimeOffset? DeliveredAt)
    {
        public Takeaway ToTakeaway() => new(
            Id, SessionId, PairId, AuthorId, AuthorName, Text, TakeawayCodes.StoredVisibility(Visibility), CreatedAt, UpdatedAt, RevealedAt,
            Route is null ? null : Enum.Parse<TakeawayRoute>(Route, ignoreCase: true), DeliveredAt);
    }
}
