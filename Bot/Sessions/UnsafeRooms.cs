using System.Collections.Concurrent;
using CrossCoaching.Discord;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>
/// Rooms Discord made without the overwrites that keep them private. Such a room is deleted at once and never recorded
/// on its session, so nothing is ever posted in it; one that cannot be deleted yet is tried again by every reconciler
/// pass (through <see cref="OrphanRooms"/>) until Discord deletes it or says it is gone.
/// </summary>
public sealed class UnsafeRooms(IDiscordApi api, ILogger<UnsafeRooms> logger)
{
    private const string Reason = "CrossCoaching: the room was not private";

    private readonly ConcurrentDictionary<Snowflake, long> _standing = new();

    /// <summary>Rooms still waiting for their deletion (tests and the log read it).</summary>
    public IReadOnlyCollection<Snowflake> Standing => [.. _standing.Keys];

    /// <summary>Deletes the room; returns the exception the caller throws, saying whether the room still stands.</summary>
    public async Task<RoomNotPrivateException> DiscardAsync(long sessionId, Snowflake guildId, Snowflake roomId)
    {
        logger.LogError("Discord made room {Room} of session {Session} in guild {Guild} without the overwrites that keep it private; deleting it",
            roomId, sessionId, guildId);
        var deleted = await TryDeleteAsync(roomId, CancellationToken.None);
        if (!deleted)
            _standing[roomId] = sessionId;
        return new RoomNotPrivateException(roomId, stillStanding: !deleted);
    }

    public async Task RetryAsync(CancellationToken cancellationToken = default)
    {
        foreach (var room in _standing.Keys)
        {
            if (await TryDeleteAsync(room, cancellationToken))
                _standing.TryRemove(room, out _);
        }
    }

    private async Task<bool> TryDeleteAsync(Snowflake roomId, CancellationToken cancellationToken)
    {
        try
        {
            await api.DeleteChannelAsync(roomId, Reason, cancellationToken);
            return true;
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownChannel)
        {
            return true;
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException or DiscordUnavailableException)
        {
            logger.LogError("Could not delete room {Room}, which is not private: {Reason}; trying again at the next repair pass", roomId, e.Message);
            return false;
        }
    }
}
