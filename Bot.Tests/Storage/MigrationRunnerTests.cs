using CrossCoaching.Hosting;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Dapper;

namespace CrossCoaching.Tests.Storage;

public sealed class MigrationRunnerTests
{
    [Fact]
    public async Task Migrating_an_empty_folder_creates_the_file_and_every_table()
    {
        using var db = new TestDatabase();
        Assert.False(File.Exists(db.Path));

        var applied = await db.Runner().MigrateAsync();

        Assert.True(File.Exists(db.Path));
        Assert.Equal(Migration.Embedded.Count, applied);
        await using var connection = await db.Connections.OpenAsync();
        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).ToHashSet();
        foreach (var table in new[] { "guild_settings", "pairs", "pair_members", "invitations", "rituals", "sessions",
                     "session_steps", "session_notices", "attendance", "takeaways", "trail_posts", "round_answers",
                     "command_registrations", "schema_migrations" })
            Assert.Contains(table, tables);
    }

    [Fact]
    public async Task A_second_run_applies_nothing_and_keeps_the_data()
    {
        using var db = new TestDatabase();
        await db.Runner().MigrateAsync();
        await using (var connection = await db.Connections.OpenAsync())
            await connection.ExecuteAsync("INSERT INTO command_registrations VALUES ('global', 'h', '2026-01-01T00:00:00.000Z')");

        var applied = await db.Runner().MigrateAsync();

        Assert.Equal(0, applied);
        await using var check = await db.Connections.OpenAsync();
        Assert.Equal(1, await check.ExecuteScalarAsync<int>("SELECT count(*) FROM command_registrations"));
        Assert.Equal(Migration.Embedded.Count, await check.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Each_migration_is_recorded_with_its_name_and_time()
    {
        using var db = new TestDatabase();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero));
        await db.Runner(time).MigrateAsync();

        await using var connection = await db.Connections.OpenAsync();
        var row = await connection.QuerySingleAsync<(long Version, string Name, string AppliedAt)>(
            "SELECT version, name, applied_at FROM schema_migrations WHERE version = 1");
        Assert.Equal((1L, "initial", "2026-11-02T09:30:00.000Z"), row);
    }

    [Fact]
    public async Task The_database_uses_wal_and_connections_enforce_foreign_keys()
    {
        using var db = await TestDatabase.MigratedAsync();
        await using var connection = await db.Connections.OpenAsync();

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
        Assert.True(await connection.ExecuteScalarAsync<int>("PRAGMA busy_timeout") > 0);
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => connection.ExecuteAsync(
            "INSERT INTO pair_members (guild_id, user_id, pair_id, display_name) VALUES (1, 2, 999, 'x')"));
    }

    [Fact]
    public async Task A_database_from_a_newer_release_is_refused_and_left_untouched()
    {
        using var db = await TestDatabase.MigratedAsync();
        await using (var connection = await db.Connections.OpenAsync())
            await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01T00:00:00.000Z')");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = await File.ReadAllBytesAsync(db.Path);

        var error = await Assert.ThrowsAsync<StartupException>(() => db.Runner().MigrateAsync());

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer release", error.Message, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(before, await File.ReadAllBytesAsync(db.Path));
    }

    [Fact]
    public async Task A_failing_migration_leaves_no_trace_of_itself()
    {
        using var db = new TestDatabase();
        var broken = new Migration(Migration.Embedded.Count + 1, "broken",
            "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);");
        var runner = new MigrationRunner(db.Connections, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance)
        {
            Migrations = [.. Migration.Embedded, broken],
        };

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => runner.MigrateAsync());

        await using var connection = await db.Connections.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"));
        Assert.Equal(Migration.Embedded.Count, await connection.ExecuteScalarAsync<int>("SELECT max(version) FROM schema_migrations"));
    }

    [Fact]
    public void Embedded_migrations_are_numbered_from_one_without_gaps()
    {
        Assert.NotEmpty(Migration.Embedded);
        Assert.Equal(Enumerable.Range(1, Migration.Embedded.Count), Migration.Embedded.Select(m => m.Version));
    }
}
