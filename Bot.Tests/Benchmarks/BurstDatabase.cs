using CrossCoaching.Tests.Fakes;
using Npgsql;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// The burst's database: a SQLite file in the run's folder, or with <c>--postgres</c> a PostgreSQL database (the
/// connection string given, or <c>throwaway</c>: a new database on a throwaway server the tests' kit starts and stops).
/// </summary>
public sealed class BurstDatabase : IDisposable
{
    private readonly string? _throwaway;

    private BurstDatabase(string folder, string connectionString, string? throwaway) =>
        (Folder, ConnectionString, _throwaway) = (folder, connectionString, throwaway);

    public string Folder { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// The bot's own: pooled, as a deployment's is. The test kit's strings turn pooling off so that a database can be
    /// dropped at once; a bot process without a pool opens a new PostgreSQL backend for every query and lock, which
    /// on two cores cut the steps to about 8 a second and left a same-slot burst's last opens past their session's end.
    /// The bot processes have exited before the database is dropped.
    /// </summary>
    public string BotConnectionString => ConnectionString.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
        ? new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = true }.ToString()
        : ConnectionString;

    public static BurstDatabase Create(BurstBenchmark.Sizes sizes)
    {
        var folder = BotRun.NewFolder("burst");
        if (sizes.Postgres is null)
            return new BurstDatabase(folder, $"Data Source={Path.Combine(folder, "bot.db")}", null);
        if (sizes.Postgres == "throwaway")
        {
            var created = PostgresServer.Instance.CreateDatabase();
            return new BurstDatabase(folder, created, created);
        }

        return new BurstDatabase(folder, sizes.Postgres, null);
    }

    public void Dispose()
    {
        if (_throwaway is not null)
            PostgresServer.Instance.Drop(_throwaway);
    }
}
