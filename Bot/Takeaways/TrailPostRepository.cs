using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Takeaways;

/// <summary>The trail message of a session. <see cref="MessageId"/> is <see cref="NotPostedYet"/> while it is owed and not posted yet.</summary>
public sealed record TrailPost(long SessionId, Snowflake ChannelId, Snowflake MessageId, DateTimeOffset PostedAt)
{
    /// <summary>The message id of a claimed row whose message is not posted yet.</summary>
    public static readonly Snowflake NotPostedYet = new(0);

    public bool IsPosting => MessageId == NotPostedYet;
}

/// <summary>
/// One trail message per session. The row is written with the outbox's post, in the same transaction; the message id
/// is the one the outbox recorded when Discord took the post (older rows kept their own).
/// </summary>
public sealed class TrailPostRepository(SqliteConnectionFactory connections)
{
    /// <summary>The outbox key of a session's trail post; its edits use <see cref="Messaging.Letter.EditOf"/> on it.</summary>
    public static string PostKey(long sessionId) => $"trail:{sessionId}:post";

    private const string Select =
        """
        SELECT t.session_id AS SessionId, t.channel_id AS ChannelId,
            COALESCE(NULLIF(t.message_id, 0), (SELECT o.sent_message_id FROM outbox o WHERE o.dedupe_key = @key AND o.state = 'sent'), 0) AS MessageId,
            t.posted_at AS PostedAt
        FROM trail_posts t WHERE t.session_id = @sessionId
        """;

    public async Task<TrailPost?> GetAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<TrailPost>(Select, new { sessionId, key = PostKey(sessionId) });
    }

    public static Task<TrailPost?> GetAsync(DbWork work, long sessionId) => work.QuerySingleOrDefaultAsync<TrailPost>(Select, new { sessionId, key = PostKey(sessionId) });

    /// <summary>Notes that the session's trail message is owed, in the transaction that writes it to the outbox.</summary>
    public static Task OweAsync(DbWork work, long sessionId, Snowflake channelId, DateTimeOffset now) =>
        work.ExecuteAsync(
            "INSERT INTO trail_posts (session_id, channel_id, message_id, posted_at) VALUES (@sessionId, @channelId, 0, @now) ON CONFLICT DO NOTHING",
            new { sessionId, channelId, now });

    /// <returns>True when this call claimed the session's trail message and should post it.</returns>
    public async Task<bool> TryClaimAsync(long sessionId, Snowflake channelId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "INSERT INTO trail_posts (session_id, channel_id, message_id, posted_at) VALUES (@sessionId, @channelId, 0, @now) ON CONFLICT DO NOTHING",
            new { sessionId, channelId, now }) == 1;
    }

    public async Task RecordAsync(long sessionId, Snowflake messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE trail_posts SET message_id = @messageId WHERE session_id = @sessionId", new { sessionId, messageId });
    }

    /// <summary>Gives a claim back after Discord did not take the message, so that a later attempt may post it.</summary>
    public async Task ReleaseAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM trail_posts WHERE session_id = @sessionId AND message_id = 0", new { sessionId });
    }
}
