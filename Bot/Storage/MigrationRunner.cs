using Dapper;
using CrossCoaching.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Storage;

/// <summary>
/// Brings the database to the schema this build knows: creates the file and its folder, turns on WAL, and applies
/// pending migrations, each in its own transaction together with its record in <c>schema_migrations</c>.
/// A database written by a newer build is refused before anything is written to it.
/// </summary>
public sealed class MigrationRunner(SqliteConnectionFactory connections, TimeProvider time, ILogger<MigrationRunner> logger)
{
    public IReadOnlyList<Migration> Migrations { get; init; } = Migration.Embedded;

    /// <summary>Applies what is pending; returns how many migrations ran (0 when the schema was current).</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(connections.DatabasePath);
        if (!string.IsNullOrEmpty(folder))
            PrivateFiles.CreateFolder(folder);

        await using var connection = await connections.OpenAsync(cancellationToken);
        var current = await CurrentVersionAsync(connection);
        var latest = Migrations.Count == 0 ? 0 : Migrations[^1].Version;
        if (current > latest)
        {
            throw new StartupException(
                $"The database {connections.DatabasePath} has schema version {current}, but this build of CrossCoaching " +
                $"only knows versions up to {latest}: it was written by a newer release. Run that release again, or " +
                "restore a backup taken before the upgrade. The database was left untouched.");
        }

        // WAL lets readers and the single writer work side by side; the setting is stored in the file.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");

        var applied = 0;
        foreach (var migration in Migrations.Where(m => m.Version > current))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt);",
                new { migration.Version, migration.Name, AppliedAt = time.GetUtcNow() }, transaction);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied database migration {Version} ({Name})", migration.Version, migration.Name);
            applied++;
        }

        return applied;
    }

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection)
    {
        var hasTable = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations';");
        return hasTable == 0 ? 0 : await connection.ExecuteScalarAsync<int>("SELECT coalesce(max(version), 0) FROM schema_migrations;");
    }
}
