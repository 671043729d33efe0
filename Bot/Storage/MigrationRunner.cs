using System.Data.Common;
using Dapper;
using CrossCoaching.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Storage;

/// <summary>
/// Brings the database to the schema this build knows and applies pending migrations (those of its provider), each
/// in its own transaction together with its record in <c>schema_migrations</c>. On SQLite it also creates the file and
/// its folder and turns on WAL; on PostgreSQL it holds an advisory lock meanwhile, so that instances starting together
/// migrate one after the other. A database written by a newer build is refused before anything is written to it.
/// </summary>
public sealed class MigrationRunner(SqliteConnectionFactory connections, TimeProvider time, ILogger<MigrationRunner> logger)
{
    private readonly IReadOnlyList<Migration>? _migrations;

    public IReadOnlyList<Migration> Migrations
    {
        get => _migrations ?? Migration.For(connections.Provider);
        init => _migrations = value;
    }

    /// <summary>Applies what is pending; returns how many migrations ran (0 when the schema was current).</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (connections.Provider == StorageProvider.Sqlite && Path.GetDirectoryName(connections.DatabasePath) is { Length: > 0 } folder)
            PrivateFiles.CreateFolder(folder);

        await using var connection = await connections.OpenAsync(cancellationToken);
        if (connections.Provider == StorageProvider.Sqlite)
            return await MigrateAsync(connection, postgres: false, cancellationToken);

        // A pooled connection keeps its session locks until it is reused: release it ourselves, whatever happens.
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = WriteTransactions.MigrationLockKey });
        try
        {
            return await MigrateAsync(connection, postgres: true, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = WriteTransactions.MigrationLockKey });
        }
    }

    private async Task<int> MigrateAsync(DbConnection connection, bool postgres, CancellationToken cancellationToken)
    {
        var current = await CurrentVersionAsync(connection, postgres);
        var latest = Migrations.Count == 0 ? 0 : Migrations[^1].Version;
        if (current > latest)
        {
            throw new StartupException(
                $"The database {connections.Description} has schema version {current}, but this build of CrossCoaching " +
                $"only knows versions up to {latest}: it was written by a newer release. Run that release again, or " +
                "restore a backup taken before the upgrade. The database was left untouched.");
        }

        // WAL lets readers and the single writer work side by side; the setting is stored in the file.
        // (PostgreSQL always writes ahead and never blocks readers: nothing to set there.)
        if (!postgres)
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");

        var applied = 0;
        foreach (var migration in Migrations.Where(m => m.Version > current))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
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

    private static async Task<int> CurrentVersionAsync(DbConnection connection, bool postgres)
    {
        var hasTable = await connection.ExecuteScalarAsync<bool>(postgres
            ? "SELECT to_regclass('schema_migrations') IS NOT NULL;"
            : "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations';");
        return hasTable ? await connection.ExecuteScalarAsync<int>("SELECT coalesce(max(version), 0) FROM schema_migrations;") : 0;
    }
}
