using CrossCoaching.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Tests.Fakes;

/// <summary>
/// A real database with the real migrations, on the provider this test assembly runs on (<see cref="Provider"/>):
/// a SQLite file in a temp folder, or a database of its own on the tests' PostgreSQL server (see
/// <see cref="PostgresServer"/>), dropped when the test ends.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly bool _drop;

    public TestDatabase()
        : this(Provider == StorageProvider.Postgres ? PostgresServer.Instance.CreateDatabase() : null, drop: true)
    {
    }

    /// <summary>A database on an existing PostgreSQL database, left in place at the end.</summary>
    internal TestDatabase(string postgresConnectionString)
        : this(postgresConnectionString, drop: false)
    {
    }

    private TestDatabase(string? postgres, bool drop)
    {
        DapperTypeHandlers.Register();
        _drop = drop && postgres is not null;
        ConnectionString = postgres ?? $"Data Source={_folder.File("data", "test.db")}";
        Connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = ConnectionString }));
    }

    /// <summary>
    /// The provider of this test assembly: Bot.Tests runs on SQLite, Bot.Tests.Postgres (the same storage tests,
    /// compiled with CROSSCOACHING_POSTGRES) on PostgreSQL.
    /// </summary>
    public static StorageProvider Provider =>
#if CROSSCOACHING_POSTGRES
        StorageProvider.Postgres;
#else
        StorageProvider.Sqlite;
#endif

    public string ConnectionString { get; }

    public string Path => Connections.DatabasePath;

    public SqliteConnectionFactory Connections { get; }

    public MigrationRunner Runner(TimeProvider? time = null) =>
        new(Connections, time ?? TimeProvider.System, NullLogger<MigrationRunner>.Instance);

    public static async Task<TestDatabase> MigratedAsync()
    {
        if (Provider == StorageProvider.Postgres)
            return new TestDatabase(PostgresServer.Instance.CreateMigratedDatabase(), drop: true);
        var db = new TestDatabase();
        await db.Runner().MigrateAsync();
        return db;
    }

    /// <summary>The connection string a feature test's bot uses: a migrated database of its own on PostgreSQL.</summary>
    public static string? PostgresForHost() => Provider == StorageProvider.Postgres ? PostgresServer.Instance.CreateMigratedDatabase() : null;

    public void Dispose()
    {
        Connections.Dispose();
        if (_drop)
            PostgresServer.Instance.Drop(ConnectionString);
        _folder.Dispose();
    }
}
