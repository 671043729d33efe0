using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Sessions;

/// <summary>
/// One row per message a session sends to someone (or to its room, user 0). A step claims the row before sending,
/// so a second run of the step — a duplicate fire, a restart — never sends the same message twice.
/// </summary>
public sealed class NoticeRepository(SqliteConnectionFactory connections)
{
    /// <summary>The "recipient" of messages posted in the room itself.</summary>
    public static Snowflake Room => new(0);

    /// <returns>True when this call claimed the notice and should send it; false when it was sent already.</returns>
    public async Task<bool> TryClaimAsync(long sessionId, Snowflake userId, string kind, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "INSERT INTO session_notices (session_id, user_id, kind, sent_at) VALUES (@sessionId, @userId, @kind, @now) ON CONFLICT DO NOTHING",
            new { sessionId, userId = (long)userId.Value, kind, now }) == 1;
    }

    /// <summary>Gives a claim back after the message could not be sent, so that a later attempt may send it.</summary>
    public async Task ReleaseAsync(long sessionId, Snowflake userId, string kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM session_notices WHERE session_id = @sessionId AND user_id = @userId AND kind = @kind",
            new { sessionId, userId = (long)userId.Value, kind });
    }

    public async Task RecordMessageAsync(long sessionId, Snowflake userId, string kind, Message message, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE session_notices SET channel_id = @ChannelId, message_id = @Id WHERE session_id = @sessionId AND user_id = @userId AND kind = @kind",
            new { sessionId, userId = (long)userId.Value, kind, message.ChannelId, message.Id });
    }

    public async Task<bool> ExistsAsync(long sessionId, Snowflake userId, string kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM session_notices WHERE session_id = @sessionId AND user_id = @userId AND kind = @kind)",
            new { sessionId, userId = (long)userId.Value, kind });
    }
}
