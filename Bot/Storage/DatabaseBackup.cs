using Microsoft.Data.Sqlite;

namespace CrossCoaching.Storage;

/// <summary>
/// Copies the live database with SQLite's online backup API, which reads a consistent snapshot while the bot keeps
/// writing (a plain file copy of a WAL database can miss committed pages or catch a half-written one). A PostgreSQL
/// database is backed up by the server's own tool, pg_dump, which takes the same kind of snapshot.
/// </summary>
public sealed class DatabaseBackup(SqliteConnectionFactory connections)
{
    /// <returns>The path of the backup file written.</returns>
    public async Task<string> WriteAsync(string target, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (connections.Provider == StorageProvider.Postgres)
        {
            throw new NotSupportedException(
                $"The backup command copies SQLite databases; {connections.Description} is backed up with pg_dump " +
                "(e.g. pg_dump --format=custom --file=crosscoaching.dump ...), see deploy/OPERATIONS.md.");
        }

        if (!File.Exists(connections.DatabasePath))
            throw new FileNotFoundException($"There is no database at {connections.DatabasePath} to back up.");

        var path = Directory.Exists(target) || target.EndsWith('/')
            ? Path.Combine(target, $"crosscoaching-{time.GetUtcNow():yyyyMMdd-HHmmss}.db")
            : target;
        PrivateFiles.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (File.Exists(path))
            throw new IOException($"{path} already exists; choose a new name so that no backup is overwritten.");
        // A backup holds what the database holds: created 0600 before SQLite writes into it.
        PrivateFiles.CreateFile(path, failIfExists: true);

        await using var source = (SqliteConnection)await connections.OpenAsync(cancellationToken);
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await destination.OpenAsync(cancellationToken);
        source.BackupDatabase(destination);
        return Path.GetFullPath(path);
    }
}
