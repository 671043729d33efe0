using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Sessions;

/// <summary>
/// Spreads the REST requests of sessions that share a slot across time. Rooms are created ahead of the slot, one after
/// another at each server's pace (<see cref="SessionOptions.RoomsPerMinute"/>) and within the bot's own pace in all
/// servers (<see cref="SessionOptions.RoomsPerSecondInAll"/>): Discord allows a bot 50 requests a second whatever the
/// number of servers, so a slot shared by many servers needs more lead than any one of them. Closes due at one instant
/// are spread after it (<see cref="SessionOptions.ClosesPerSecond"/>): a room stays open at least its grace, a few
/// seconds more for the later ones, instead of a thousand deletions and their messages asked in the same second.
/// Counts come from the sessions already planned, by the indexes on (slot_at, guild_id) and session_steps (state, due_at).
/// </summary>
public sealed class SlotSpread(SqliteConnectionFactory connections, IOptions<SessionOptions> options)
{
    /// <summary>How far after its due time a close may be moved: beyond it, closes are no longer counted together.</summary>
    public static readonly TimeSpan CloseWindow = TimeSpan.FromMinutes(30);

    public async Task<(TimeSpan PrepareLead, TimeSpan CloseDelay)> ForAsync(Snowflake guildId, DateTimeOffset slot, DateTimeOffset closeAt,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var atSlot = await connection.QueryAsync<(Snowflake Guild, long Count)>(
            "SELECT guild_id, count(*) FROM sessions WHERE slot_at = @slot AND status IN ('scheduled', 'open') GROUP BY guild_id", new { slot });
        var closing = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM session_steps WHERE state = 'pending' AND step = 'close' AND due_at >= @closeAt AND due_at < @until",
            new { closeAt, until = closeAt + CloseWindow });
        var inGuild = (int)atSlot.Where(g => g.Guild == guildId).Sum(g => g.Count) + 1;
        var inAll = (int)atSlot.Sum(g => g.Count) + 1;
        return (PrepareLead(inGuild, inAll, options.Value), CloseDelay((int)closing, options.Value));
    }

    /// <summary>
    /// The n-th room of a slot in its server and in all: each count adds its own spacing, so rooms in one server stay
    /// a server's interval apart and rooms in all stay the global interval apart, whatever order they were planned in.
    /// The first room of a slot in all needs no more than its server's lead.
    /// </summary>
    public static TimeSpan PrepareLead(int inGuild, int inAll, SessionOptions o) =>
        SessionPlanner.PrepareLead(inGuild, o) + TimeSpan.FromSeconds((double)(inAll - 1) / o.RoomsPerSecondInAll);

    /// <summary>The close after <paramref name="alreadyClosing"/> others due at the same time.</summary>
    public static TimeSpan CloseDelay(int alreadyClosing, SessionOptions o) =>
        TimeSpan.FromSeconds(Math.Min((double)alreadyClosing / o.ClosesPerSecond, CloseWindow.TotalSeconds));
}
