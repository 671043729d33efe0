using System.Collections.Concurrent;
using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Messaging;

/// <summary>
/// Each member's DM channel, as Discord gave it: its id never changes for a bot and a user, and opening it costs a
/// request (and Discord limits opening many), so it is opened once for the life of the database, not once per process.
/// Read from memory first; the table keeps it across restarts.
/// </summary>
public sealed class DmChannels(SqliteConnectionFactory connections, TimeProvider time)
{
    private readonly ConcurrentDictionary<Snowflake, Snowflake> _known = new();

    public async Task<Snowflake?> FindAsync(Snowflake user, CancellationToken cancellationToken = default)
    {
        if (_known.TryGetValue(user, out var channel))
            return channel;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<Snowflake?>("SELECT channel_id FROM dm_channels WHERE user_id = @user", new { user });
        if (stored is { } found)
            _known[user] = found;
        return stored;
    }

    public async Task RememberAsync(Snowflake user, Snowflake channel, CancellationToken cancellationToken = default)
    {
        _known[user] = channel;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO dm_channels (user_id, channel_id, opened_at) VALUES (@user, @channel, @now)
            ON CONFLICT (user_id) DO UPDATE SET channel_id = excluded.channel_id, opened_at = excluded.opened_at
            """, new { user, channel, now = time.GetUtcNow() });
    }

    /// <summary>Discord said the channel is unknown: the next message opens it again.</summary>
    public async Task ForgetAsync(Snowflake user, CancellationToken cancellationToken = default)
    {
        _known.TryRemove(user, out _);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM dm_channels WHERE user_id = @user", new { user });
    }
}
