using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Messaging;

/// <summary>A row of the outbox as the worker reads it.</summary>
public sealed record OutboxRow
{
    public long Id { get; init; }

    public string DedupeKey { get; init; } = "";

    public string Kind { get; init; } = "";

    public string Target { get; init; } = "";

    public Snowflake? UserId { get; init; }

    public Snowflake? ChannelId { get; init; }

    public Snowflake? MessageId { get; init; }

    public string Payload { get; init; } = "";

    public Snowflake? FallbackChannelId { get; init; }

    public string? FallbackPayload { get; init; }

    public long? SessionId { get; init; }

    public Snowflake? NoticeUserId { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public bool UntilSessionEnds { get; init; }

    public string Nonce { get; init; } = "";

    public int Attempts { get; init; }
}

/// <summary>Where a post of the outbox went, for the edits that wait on it.</summary>
public sealed record PostOutcome
{
    public string State { get; init; } = "";

    public Snowflake? ChannelId { get; init; }

    public Snowflake? MessageId { get; init; }
}

/// <summary>
/// The outbox's state changes, each one statement: a crash between two leaves the row pending, to be sent again with
/// the same nonce. Each is guarded by the payload the worker read, so an edit replaced while it was being sent stays
/// pending and goes again with the newest content.
/// </summary>
public sealed class OutboxStore(SqliteConnectionFactory connections, InstanceIdentity instance)
{
    /// <summary>
    /// How long a claimed row is this instance's to send: a batch takes seconds; an instance that died holding rows
    /// lets them go after this, and another sends them with the same nonce (Discord drops a repeat within its window).
    /// </summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Claims up to <paramref name="limit"/> due rows for this instance and returns them: rows another live instance
    /// claimed and whose claim has not run out are left alone, so each row is sent by one instance at a time. A claim of
    /// this instance (a row whose sending failed half-way) or of an instance gone from <c>instances</c> (stopped, or dead
    /// for a minute, see <see cref="InstanceHeartbeat"/>) is free at once. On PostgreSQL the
    /// pick skips rows another instance is claiming at this very moment (FOR UPDATE SKIP LOCKED); SQLite has one writer.
    /// </summary>
    public async Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var skipLocked = connections.Provider == StorageProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxRow>(
            $"""
            UPDATE outbox SET claimed_by = @me, claim_until = @until
            WHERE id IN (
                SELECT id FROM outbox
                WHERE state = 'pending' AND next_attempt_at <= @now
                  AND (claim_until IS NULL OR claim_until < @now OR claimed_by = @me OR claimed_by NOT IN (SELECT id FROM instances))
                ORDER BY next_attempt_at, id LIMIT @limit{skipLocked})
            RETURNING id AS Id, dedupe_key AS DedupeKey, kind AS Kind, target AS Target, user_id AS UserId, channel_id AS ChannelId,
                message_id AS MessageId, payload AS Payload, fallback_channel_id AS FallbackChannelId, fallback_payload AS FallbackPayload,
                session_id AS SessionId, notice_user_id AS NoticeUserId, expires_at AS ExpiresAt, until_session_ends AS UntilSessionEnds,
                nonce AS Nonce, attempts AS Attempts
            """, new { me = instance.Id, until = now + ClaimFor, now, limit });
        // RETURNING keeps no order: the oldest due first, as they were picked.
        return [.. rows.OrderBy(r => r.Id)];
    }

    /// <summary>How many messages are owed and not yet sent, and since when the oldest of them is (for the metrics).</summary>
    public async Task<(long Count, DateTimeOffset? Oldest)> BacklogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var backlog = await connection.QuerySingleAsync<Backlog>(
            "SELECT COUNT(*) AS Count, MIN(created_at) AS Oldest FROM outbox WHERE state = 'pending'");
        return (backlog.Count, backlog.Oldest);
    }

    private sealed record Backlog
    {
        public long Count { get; init; }

        public DateTimeOffset? Oldest { get; init; }
    }

    /// <summary>
    /// What became of the post an edit waits for (see <see cref="Letter.EditOf"/>): its state and, once sent, where it is.
    /// Null when no such post was ever owed.
    /// </summary>
    public async Task<PostOutcome?> PostOfEditAsync(OutboxRow edit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PostOutcome>(
            "SELECT state AS State, sent_channel_id AS ChannelId, sent_message_id AS MessageId FROM outbox WHERE dedupe_key = @key",
            new { key = edit.DedupeKey[..^Letter.EditSuffix.Length] });
    }

    /// <summary>True when the message no longer makes sense: past its expiry, or its session is over.</summary>
    public async Task<bool> IsObsoleteAsync(OutboxRow row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (row.ExpiresAt is { } expires && now >= expires)
            return true;
        if (!row.UntilSessionEnds || row.SessionId is not { } sessionId)
            return false;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT NOT EXISTS (SELECT 1 FROM sessions WHERE id = @sessionId AND status IN ('scheduled', 'open'))", new { sessionId });
    }

    /// <summary>Sent: the message's ids kept, and the session's notice noted (what other features read as "told").</summary>
    public Task SentAsync(OutboxRow row, Message sent, DateTimeOffset now) =>
        FinishAsync(row, "sent", now, sent.ChannelId, sent.Id, failure: null);

    /// <summary>Refused for good: not retried; the session's notice is noted all the same, as a claim was before.</summary>
    public Task RefusedAsync(OutboxRow row, DateTimeOffset now, string failure) => FinishAsync(row, "refused", now, null, null, failure);

    public async Task DroppedAsync(OutboxRow row, DateTimeOffset now, string reason)
    {
        await using var connection = await connections.OpenAsync();
        await connection.ExecuteAsync("UPDATE outbox SET state = 'dropped', done_at = @now, failure = @reason WHERE id = @Id AND state = 'pending' AND payload = @Payload",
            new { row.Id, row.Payload, now, reason });
    }

    public async Task RetryLaterAsync(OutboxRow row, DateTimeOffset at, string failure)
    {
        await using var connection = await connections.OpenAsync();
        await connection.ExecuteAsync(
            """
            UPDATE outbox SET attempts = attempts + 1, next_attempt_at = @at, failure = @failure, claimed_by = NULL, claim_until = NULL
            WHERE id = @Id AND state = 'pending' AND payload = @Payload
            """,
            new { row.Id, row.Payload, at, failure });
    }

    private async Task FinishAsync(OutboxRow row, string state, DateTimeOffset now, Snowflake? channelId, Snowflake? messageId, string? failure)
    {
        await using var work = await connections.BeginAsync();
        await work.ExecuteAsync(
            """
            UPDATE outbox SET state = @state, done_at = @now, attempts = attempts + 1, sent_channel_id = @channelId,
                sent_message_id = @messageId, failure = @failure
            WHERE id = @Id AND state = 'pending' AND payload = @Payload
            """, new { row.Id, row.Payload, state, now, channelId, messageId, failure });
        if (row is { SessionId: { } sessionId, NoticeUserId: { } user })
        {
            await work.ExecuteAsync(
                """
                INSERT INTO session_notices (session_id, user_id, kind, channel_id, message_id, sent_at)
                SELECT @sessionId, @user, @Kind, @channelId, @messageId, @now WHERE EXISTS (SELECT 1 FROM sessions WHERE id = @sessionId)
                ON CONFLICT (session_id, user_id, kind) DO UPDATE SET channel_id = excluded.channel_id, message_id = excluded.message_id
                """, new { sessionId, user, row.Kind, channelId, messageId, now });
        }
        await work.CommitAsync();
    }
}
