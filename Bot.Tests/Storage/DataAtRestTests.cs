using System.Text;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Tests.Storage;

/// <summary>What stays on disk: files only the bot's user can read, and no text left behind by a deletion.</summary>
public sealed class DataAtRestTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task<SqliteConnectionFactory> MigratedAsync(string path)
    {
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = $"Data Source={path}" }));
        await new MigrationRunner(connections, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        return connections;
    }

    [Fact]
    public async Task The_database_its_wal_and_shm_files_and_its_new_folder_are_readable_by_the_bots_user_only()
    {
        if (OperatingSystem.IsWindows())
            return;
        var path = _folder.File("new-data", "bot.db");
        var connections = await MigratedAsync(path);

        await using var open = await connections.OpenAsync();
        await open.ExecuteAsync("INSERT INTO command_registrations VALUES ('global', 'abc', '2026-01-01T00:00:00.000Z')");

        Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            Assert.True(File.Exists(file), file);
            Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task A_database_left_readable_by_an_older_version_is_tightened_when_opened()
    {
        if (OperatingSystem.IsWindows())
            return;
        var path = _folder.File("bot.db");
        await MigratedAsync(path);
        File.SetUnixFileMode(path, PrivateFiles.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using (await (await MigratedAsync(path)).OpenAsync())
            Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task A_backup_and_its_new_folder_are_readable_by_the_bots_user_only()
    {
        if (OperatingSystem.IsWindows())
            return;
        var connections = await MigratedAsync(_folder.File("bot.db"));
        var folder = _folder.File("backups", "nightly") + "/";

        var backup = await new DatabaseBackup(connections).WriteAsync(folder, TimeProvider.System);

        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(backup));
        Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(Path.GetDirectoryName(backup)!));
    }

    [Fact]
    public async Task Every_connection_overwrites_deleted_rows_so_no_forgotten_text_stays_in_the_file()
    {
        var path = _folder.File("bot.db");
        var connections = await MigratedAsync(path);
        const string secret = "a-takeaway-the-member-asked-us-to-forget";

        await using (var db = await connections.OpenAsync())
        {
            Assert.Equal(1, await db.ExecuteScalarAsync<int>("PRAGMA secure_delete"));
            await db.ExecuteAsync("INSERT INTO command_registrations VALUES ('guild:1', @secret, '2026-01-01T00:00:00.000Z')", new { secret });
            await db.ExecuteAsync("INSERT INTO command_registrations VALUES ('guild:2', 'kept', '2026-01-01T00:00:00.000Z')");
            await db.ExecuteAsync("DELETE FROM command_registrations WHERE hash = @secret", new { secret });
            await db.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.DoesNotContain(secret, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains("kept", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
