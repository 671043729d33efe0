using CrossCoaching.Discord.Rest;
using Dapper;
using Npgsql;

namespace CrossCoaching.Storage;

/// <summary>
/// PostgreSQL's LISTEN/NOTIFY as the channel of global rate-limit pauses: a notice arrives within milliseconds and
/// costs nothing while none is sent. Nothing on SQLite, where one process is alone.
/// </summary>
public sealed class GlobalPauseNotices(SqliteConnectionFactory connections) : IGlobalPauseNotices
{
    internal const string Channel = "crosscoaching_rest_global_pause";

    public bool Shared => connections.Provider == StorageProvider.Postgres;

    public async Task SendAsync(string notice, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_notify(@Channel, @notice)", new { Channel, notice });
    }

    public async Task ListenAsync(Action<string> heard, Action listening, CancellationToken cancellationToken)
    {
        // A connection of its own, outside the work pool, held for the life of the process; keepalives notice a
        // connection that died silently, which would otherwise wait for notices forever.
        var builder = new NpgsqlConnectionStringBuilder(connections.ConnectionString) { KeepAlive = 30, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        connection.Notification += (_, e) => heard(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            await listen.ExecuteNonQueryAsync(cancellationToken);
        listening();
        while (true)
            await connection.WaitAsync(cancellationToken);
    }
}
