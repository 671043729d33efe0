using CrossCoaching.Tests.Fakes;

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

    /// <summary>The bots' own: pooled (see <see cref="BurstConnection"/>).</summary>
    public string BotConnectionString => BurstConnection.ForBots(ConnectionString);

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
