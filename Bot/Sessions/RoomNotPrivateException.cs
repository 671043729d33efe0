using CrossCoaching.Discord;

namespace CrossCoaching.Sessions;

/// <summary>Discord made a session's room without the overwrites that keep it private; it was deleted unless <see cref="StillStanding"/>.</summary>
public sealed class RoomNotPrivateException(Snowflake roomId, bool stillStanding)
    : Exception($"Room {roomId} was not private{(stillStanding ? " and could not be deleted" : "; it was deleted")}.")
{
    public Snowflake RoomId { get; } = roomId;

    public bool StillStanding { get; } = stillStanding;
}
