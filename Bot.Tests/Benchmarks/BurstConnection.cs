using Npgsql;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// The burst's bot processes connect as a deployment does: through a pool. The test kit's PostgreSQL strings turn
/// pooling off so that a database can be dropped at once; a bot process without a pool opens a new PostgreSQL backend
/// for every query and lock, which on two cores cut a two-instance burst to about 8 steps a second and left the last
/// opens of a same-slot burst past their session's end. The bot processes have exited before the database is dropped.
/// </summary>
public static class BurstConnection
{
    public static string ForBots(string connectionString) => connectionString.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
        ? new NpgsqlConnectionStringBuilder(connectionString) { Pooling = true }.ToString()
        : connectionString;
}
