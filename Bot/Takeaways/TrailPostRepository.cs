using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Takeaways;

/// <summary>The trail message of a session. <see cref="MessageId"/> is <see cref="NotPostedYet"/> while it is being posted.</summary>
public sealed record TrailPost(long SessionId, Snowflake ChannelId, Snowflake MessageId, DateTimeOffset PostedAt)
{
    /// <summary>The message id of a claimed row whose message is not posted yet.</summary>
    public static readonly Snowflake NotPostedYet = new(0);

    public bool IsPosting => MessageId == NotPostedYet;
}

/// <summary>
/// One trail message per session. A poster claims the row (message id 0) before posting, so that two reveals at once,
/// or a retry, never post a second message for the same session.
/// </summary>
public sealed class TrailPostRepository(SqliteConnectionFactory connections)
{
    public async Task<TrailPost?> GetAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<TrailPost>(
            "SELECT session_id AS SessionId, channel_id AS ChannelId, message_id AS MessageId, posted_at AS PostedAt FROM trail_posts WHERE session_id = @sessionId",
            new { sessionId });
    }

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
