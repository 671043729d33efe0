using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Storage;

public sealed class DatabaseBackupTests
{
    [Fact]
    public async Task A_backup_taken_while_a_connection_is_open_holds_the_committed_data()
    {
        using var db = await TestDatabase.MigratedAsync();
        await using var live = await db.Connections.OpenAsync();
        await live.ExecuteAsync("INSERT INTO command_registrations VALUES ('global', 'abc', '2026-01-01T00:00:00.000Z')");
        var folder = Path.Combine(Path.GetDirectoryName(db.Path)!, "backups");
        Directory.CreateDirectory(folder);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 6, 5, 4, TimeSpan.Zero));

        var path = await new DatabaseBackup(db.Connections).WriteAsync(folder, time);

        Assert.EndsWith("crosscoaching-20261128-060504.db", path, StringComparison.Ordinal);
        await using var copy = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        Assert.Equal("abc", await copy.ExecuteScalarAsync<string>("SELECT hash FROM command_registrations"));
    }

    [Fact]
    public async Task A_backup_never_overwrites_an_existing_file()
    {
        using var db = await TestDatabase.MigratedAsync();
        var target = Path.Combine(Path.GetDirectoryName(db.Path)!, "taken.db");
        await File.WriteAllTextAsync(target, "keep me");

        await Assert.ThrowsAsync<IOException>(() => new DatabaseBackup(db.Connections).WriteAsync(target, TimeProvider.System));

        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }
}
