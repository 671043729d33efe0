using CrossCoaching.Hosting;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Tests.Storage;

/// <summary>The PostgreSQL side of MigrationRunnerTests, on a real server (Fakes/PostgresServer).</summary>
public sealed class PostgresMigrationTests
{
    [Fact]
    public async Task Migrating_an_empty_database_gives_the_same_tables_and_columns_as_SQLite()
    {
        using var postgres = new TestDatabase();
        using var folder = new TempFolder();
        await using var sqlite = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = $"Data Source={folder.File("s.db")}" }));
        await new MigrationRunner(sqlite, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync();

        var applied = await postgres.Runner().MigrateAsync();

        Assert.Equal(Migration.Postgres.Count, applied);
        Assert.Equal(await SqliteColumnsAsync(sqlite), await PostgresColumnsAsync(postgres.Connections));
    }

    [Fact]
    public async Task Every_integer_column_is_64_bits_as_in_SQLite()
    {
        using var db = await TestDatabase.MigratedAsync();
        await using var connection = await db.Connections.OpenAsync();

        var narrow = await connection.QueryAsync<string>(
            """
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND data_type IN ('integer', 'smallint') AND table_name NOT LIKE 'qrtz%'
              AND table_name <> 'schema_migrations'
            """);

        // A 32-bit column reads back as Int32, which the repositories' records (long) refuse.
        Assert.Empty(narrow);
    }

    [Fact]
    public async Task A_second_run_applies_nothing()
    {
        using var db = await TestDatabase.MigratedAsync();

        Assert.Equal(0, await db.Runner().MigrateAsync());
        await using var connection = await db.Connections.OpenAsync();
        Assert.Equal(Migration.Postgres.Count, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_database_from_a_newer_release_is_refused_and_left_untouched()
    {
        using var db = await TestDatabase.MigratedAsync();
        await using (var connection = await db.Connections.OpenAsync())
            await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01T00:00:00.000Z')");
        var runner = new MigrationRunner(db.Connections, TimeProvider.System, NullLogger<MigrationRunner>.Instance)
        {
            Migrations = [.. Migration.Postgres, new Migration(Migration.Postgres.Count + 1, "next", "CREATE TABLE next_one (id BIGINT);")],
        };

        var error = await Assert.ThrowsAsync<StartupException>(() => runner.MigrateAsync());

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL database", error.Message, StringComparison.Ordinal);
        await using var check = await db.Connections.OpenAsync();
        Assert.False(await check.ExecuteScalarAsync<bool>("SELECT to_regclass('next_one') IS NOT NULL"));
    }

    [Fact]
    public async Task A_failing_migration_leaves_no_trace_of_itself()
    {
        using var db = await TestDatabase.MigratedAsync();
        var runner = new MigrationRunner(db.Connections, TimeProvider.System, NullLogger<MigrationRunner>.Instance)
        {
            Migrations = [.. Migration.Postgres, new Migration(Migration.Postgres.Count + 1, "broken", "CREATE TABLE half_done (id BIGINT); INSERT INTO no_such_table VALUES (1);")],
        };

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => runner.MigrateAsync());

        await using var connection = await db.Connections.OpenAsync();
        Assert.False(await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('half_done') IS NOT NULL"));
        Assert.Equal(Migration.Postgres.Count, await connection.ExecuteScalarAsync<int>("SELECT max(version) FROM schema_migrations"));
        // The migration lock went with the failure: the next start is not left waiting.
        Assert.Equal(0, await db.Runner().MigrateAsync());
    }

    [Fact]
    public async Task Foreign_keys_hold_and_their_violation_reads_as_a_constraint_violation()
    {
        using var db = await TestDatabase.MigratedAsync();
        await using var connection = await db.Connections.OpenAsync();

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => connection.ExecuteAsync(
            "INSERT INTO pair_members (guild_id, user_id, pair_id, display_name) VALUES (1, 2, 999, 'x')"));

        Assert.True(error.IsConstraintViolation());
    }

    private static async Task<List<string>> SqliteColumnsAsync(SqliteConnectionFactory connections)
    {
        await using var connection = await connections.OpenAsync();
        var columns = await connection.QueryAsync<string>(
            "SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'");
        return [.. columns.Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> PostgresColumnsAsync(SqliteConnectionFactory connections)
    {
        await using var connection = await connections.OpenAsync();
        var columns = await connection.QueryAsync<string>(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name NOT LIKE 'qrtz%'");
        return [.. columns.Order(StringComparer.Ordinal)];
    }
}
