using CrossCoaching.Storage;

namespace CrossCoaching.Tests.Storage;

/// <summary>
/// Every schema change exists for both providers, numbered and named alike (Storage/Migrations/NNNN_x.sql and
/// Storage/Migrations/Postgres/NNNN_x.sql), so that a database of either kind reaches the same version.
/// </summary>
public sealed class MigrationPairTests
{
    [Fact]
    public void Each_SQLite_migration_has_a_PostgreSQL_twin_with_the_same_number_and_name()
    {
        var sqlite = Migration.Embedded.Select(m => $"{m.Version:D4}_{m.Name}").ToList();
        var postgres = Migration.Postgres.Select(m => $"{m.Version:D4}_{m.Name}").ToList();

        Assert.Equal(sqlite, postgres);
    }

    [Fact]
    public void The_PostgreSQL_migrations_use_none_of_SQLite_s_own_words()
    {
        string[] sqliteOnly = ["AUTOINCREMENT", "INSERT OR", "PRAGMA", "sqlite_", "WITHOUT ROWID", "STRICT", "datetime(", "julianday(", "strftime(", "ifnull("];
        foreach (var migration in Migration.Postgres)
        {
            foreach (var word in sqliteOnly)
                Assert.False(migration.Sql.Contains(word, StringComparison.OrdinalIgnoreCase), $"Postgres/{migration.Version:D4}_{migration.Name}.sql uses {word}");
        }
    }
}
