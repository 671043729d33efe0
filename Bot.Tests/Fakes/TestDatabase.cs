using CrossCoaching.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Tests.Fakes;

/// <summary>A real SQLite file with the real migrations, in a temp folder.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempFolder _folder = new();

    public TestDatabase()
    {
        DapperTypeHandlers.Register();
        ConnectionString = $"Data Source={_folder.File("data", "test.db")}";
        Connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = ConnectionString }));
    }

    public string ConnectionString { get; }

    public string Path => Connections.DatabasePath;

    public SqliteConnectionFactory Connections { get; }

    public MigrationRunner Runner(TimeProvider? time = null) =>
        new(Connections, time ?? TimeProvider.System, NullLogger<MigrationRunner>.Instance);

    public static async Task<TestDatabase> MigratedAsync()
    {
        var db = new TestDatabase();
        await db.Runner().MigrateAsync();
        return db;
    }

    public void Dispose() => _folder.Dispose();
}
