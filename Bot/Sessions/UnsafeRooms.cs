using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>
/// Rooms Discord made without the overwrites that keep them private. Such a room is deleted at once and never recorded
/// on its session, so nothing is ever posted in it; one that cannot be deleted yet is tried again by every reconciler
/// pass (through <see cref="OrphanRooms"/>) until Discord deletes it or says it is gone. The room is noted in the
/// database before the first attempt, so a restart in between cannot forget a public room.
/// </summary>
public sealed class UnsafeRooms(SqliteConnectionFactory connections, IDiscordApi api, TimeProvider time, ILogger<UnsafeRooms> logger)
{
    private const string Reason = "CrossCoaching: the room was not private";

    /// <summary>Rooms still waiting for their deletion (tests and the log read it).</summary>
    public async Task<IReadOnlyList<Snowflake>> StandingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<Snowflake>("SELECT room_id FROM unsafe_rooms ORDER BY noted_at, room_id")];
    }

    /// <summary>Deletes the room; returns the exception the caller throws, saying whether the room still stands.</summary>
    public async Task<RoomNotPrivateException> DiscardAsync(long sessionId, Snowflake guildId, Snowflake roomId)
    {
        logger.LogError("Discord made room {Room} of session {Session} in guild {Guild} without the overwrites that keep it private; deleting it",
            roomId, sessionId, guildId);
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "INSERT INTO unsafe_rooms (room_id, guild_id, session_id, noted_at) VALUES (@roomId, @guildId, @sessionId, @now) ON CONFLICT DO NOTHING",
                new { roomId, guildId, sessionId, now = time.GetUtcNow() });
        }

        var deleted = await TryDeleteAsync(roomId, CancellationToken.None);
        return new RoomNotPrivateException(roomId, stillStanding: !deleted);
    }

    public async Task RetryAsync(CancellationToken cancellationToken = default)
    {
        foreach (var room in await StandingAsync(cancellationToken))
            await TryDeleteAsync(room, cancellationToken);
    }

    private async Task<bool> TryDeleteAsync(Snowflake roomId, CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                await api.DeleteChannelAsync(roomId, Reason, cancellationToken);
            }
            catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownChannel)
            {
                // Gone already: as good as deleted.
            }

            await using var connection = await connections.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync("DELETE FROM unsafe_rooms WHERE room_id = @roomId", new { roomId });
            return true;
        }
        catch (DiscordException e)
        {
            logger.LogError("Could not delete room {Room}, which is not private: {Reason}; trying again at the next repair pass", roomId, e.Message);
            return false;
        }
    }
}
