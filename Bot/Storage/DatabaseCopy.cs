using System.Data.Common;
using CrossCoaching.Hosting;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CrossCoaching.Storage;

/// <summary>What a copy did, for the operator's summary.</summary>
public sealed record DatabaseCopyResult(int SchemaVersion, IReadOnlyList<(string Table, long Rows)> Tables, TimeSpan Took);

/// <summary>
/// Copies a SQLite database into an empty PostgreSQL one, for an operator moving to PostgreSQL: the target is
/// migrated to the source's schema version, then every table is copied in dependency order, in batches, inside one
/// transaction that also resets the identity sequences and checks every table's row count before it commits, so a
/// failed copy leaves the target as empty as it was. The source is read in one transaction (a consistent snapshot)
/// while its instance lock is held: the copy refuses to run beside the bot, since whatever the bot wrote after the
/// copy would be lost on the switch. Quartz's tables are not copied (on SQLite they are another file anyway): the
/// scheduler re-arms every step from the database when the bot starts.
/// </summary>
public sealed class DatabaseCopy(SqliteConnectionFactory source, SqliteConnectionFactory target, TimeProvider time)
{
    /// <summary>Rows per INSERT statement: far below PostgreSQL's 65,535 parameters for the widest table.</summary>
    public const int BatchRows = 500;

    public async Task<DatabaseCopyResult> RunAsync(CancellationToken cancellationToken = default)
    {
        if (source.Provider != StorageProvider.Sqlite || !File.Exists(source.DatabasePath))
            throw new StartupException(source.Provider != StorageProvider.Sqlite
                ? $"copy-database copies from a SQLite database, and {source.Description} is not one: set ConnectionStrings__CrossCoaching (or --from) to the SQLite database to copy."
                : $"There is no database at {source.DatabasePath} to copy: set ConnectionStrings__CrossCoaching (or --from) to the SQLite database the bot has been using.");
        if (target.Provider != StorageProvider.Postgres)
            throw new StartupException("copy-database copies into a PostgreSQL database: give --to a PostgreSQL connection string, such as \"Host=db;Database=crosscoaching;Username=crosscoaching;Password=...\".");

        var started = time.GetTimestamp();
        // The SQLite instance lock keeps the source's bot stopped while the copy runs. PostgreSQL has no instance lock
        // (instances share it): its step only reaches the server; a bot that ever ran there left rows, which the
        // emptiness check below refuses.
        using var sourceLock = new InstanceLock(source);
        using var targetLock = new InstanceLock(target);
        await sourceLock.RunAsync(cancellationToken);
        await targetLock.RunAsync(cancellationToken);

        await using var reader = await source.OpenAsync(cancellationToken);
        await using var snapshot = ((Microsoft.Data.Sqlite.SqliteConnection)reader).BeginTransaction(deferred: true); // one snapshot of every table
        var version = await reader.ExecuteScalarAsync<int>(
            "SELECT coalesce(max(version), 0) FROM schema_migrations", transaction: snapshot);
        await PrepareTargetAsync(version, cancellationToken);

        await using var writer = (NpgsqlConnection)await target.OpenAsync(cancellationToken);
        await using var transaction = await writer.BeginTransactionAsync(cancellationToken);
        var tables = await DatabaseCatalog.TablesInDependencyOrderAsync(writer, transaction);
        var sourceTables = await DatabaseCatalog.SqliteTablesAsync(reader, snapshot);
        if (!sourceTables.SetEquals(tables))
            throw new StartupException(
                $"The two databases do not have the same tables at schema version {version} (only in the source: {string.Join(", ", sourceTables.Except(tables))}; " +
                $"only in the target: {string.Join(", ", tables.Except(sourceTables))}). Nothing was copied.");

        var copied = new List<(string, long)>();
        foreach (var table in tables)
        {
            var rows = await CopyTableAsync(reader, snapshot, writer, transaction, table, cancellationToken);
            var written = await writer.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}", transaction: transaction);
            if (written != rows)
                throw new StartupException($"Table {table}: {rows} rows read but {written} in the target; the copy was rolled back, the target is unchanged.");
            copied.Add((table, rows));
        }

        foreach (var (table, column) in await DatabaseCatalog.IdentityColumnsAsync(writer, transaction))
        {
            // The next id after the highest copied one: the bot's first insert after the switch must not collide.
            await writer.ExecuteAsync(
                $"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), coalesce((SELECT max({column}) FROM {table}), 0) + 1, false)",
                transaction: transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        return new DatabaseCopyResult(version, copied, time.GetElapsedTime(started));
    }

    /// <summary>Brings an empty target to <paramref name="version"/>; refuses one that holds data or another version.</summary>
    private async Task PrepareTargetAsync(int version, CancellationToken cancellationToken)
    {
        var latest = Migration.For(StorageProvider.Postgres)[^1].Version;
        if (version == 0 || version > latest)
            throw new StartupException(version == 0
                ? $"{source.Description} has no CrossCoaching schema (no migration recorded): there is nothing to copy."
                : $"{source.Description} has schema version {version}, newer than this build knows ({latest}): copy it with the release that wrote it.");

        await using (var connection = await target.OpenAsync(cancellationToken))
        {
            var current = await DatabaseCatalog.PostgresVersionAsync(connection);
            if (current != 0 && current != version)
                throw new StartupException(
                    $"{target.Description} is at schema version {current} and the SQLite database at {version}: copy only into a new, empty " +
                    "PostgreSQL database (CREATE DATABASE ... OWNER ...), never into one a bot has already used. Nothing was copied.");
        }

        var runner = new MigrationRunner(target, time, NullLogger<MigrationRunner>.Instance)
        {
            Migrations = [.. Migration.For(StorageProvider.Postgres).Where(m => m.Version <= version)],
        };
        await runner.MigrateAsync(cancellationToken);

        await using var check = (NpgsqlConnection)await target.OpenAsync(cancellationToken);
        foreach (var table in await DatabaseCatalog.TablesInDependencyOrderAsync(check, null))
        {
            if (await check.ExecuteScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {table})"))
                throw new StartupException(
                    $"{target.Description} is not empty (table {table} has rows): copy-database only fills a new, empty PostgreSQL database, " +
                    "so that nothing there is overwritten or mixed with the copy. Create an empty database (CREATE DATABASE ... OWNER ...) and " +
                    "give its connection string to --to. Nothing was copied.");
        }
    }

    private static async Task<long> CopyTableAsync(
        DbConnection reader, DbTransaction snapshot, NpgsqlConnection writer, NpgsqlTransaction transaction, string table, CancellationToken cancellationToken)
    {
        var columns = await DatabaseCatalog.PostgresColumnsAsync(writer, transaction, table);
        await using var select = reader.CreateCommand();
        select.Transaction = snapshot;
        select.CommandText = $"SELECT {string.Join(", ", columns.Select(c => c.Name))} FROM {table}";
        await using var rows = await select.ExecuteReaderAsync(cancellationToken);
        var batch = new List<object?[]>(BatchRows);
        long count = 0;
        while (await rows.ReadAsync(cancellationToken))
        {
            var values = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
                values[i] = DatabaseCatalog.ToPostgres(rows.IsDBNull(i) ? null : rows.GetValue(i), columns[i].Type);
            batch.Add(values);
            if (batch.Count == BatchRows)
                count += await InsertAsync(writer, transaction, table, columns, batch, cancellationToken);
        }

        return count + await InsertAsync(writer, transaction, table, columns, batch, cancellationToken);
    }

    private static async Task<int> InsertAsync(
        NpgsqlConnection writer, NpgsqlTransaction transaction, string table, IReadOnlyList<(string Name, string Type)> columns, List<object?[]> batch,
        CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
            return 0;
        await using var insert = new NpgsqlCommand { Connection = writer, Transaction = transaction };
        var tuples = new List<string>(batch.Count);
        foreach (var row in batch)
        {
            var names = new string[row.Length];
            for (var i = 0; i < row.Length; i++)
            {
                names[i] = $"@p{insert.Parameters.Count}";
                insert.Parameters.Add(DatabaseCatalog.Parameter(names[i], row[i], columns[i].Type));
            }

            tuples.Add($"({string.Join(", ", names)})");
        }

        insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES {string.Join(", ", tuples)}";
        var written = await insert.ExecuteNonQueryAsync(cancellationToken);
        batch.Clear();
        return written;
    }
}
