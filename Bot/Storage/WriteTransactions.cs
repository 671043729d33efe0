using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CrossCoaching.Storage;

/// <summary>
/// Write transactions with SQLite's semantics on both providers. On SQLite every transaction the bot opens is
/// BEGIN IMMEDIATE: it takes the single write lock up front, so transactions that read then write never interleave.
/// On PostgreSQL the same is a transaction-scoped advisory lock taken first: writers queue one after the other across
/// every process on the database, readers are never blocked, and the lock goes with COMMIT or ROLLBACK.
/// </summary>
public static class WriteTransactions
{
    /// <summary>Advisory lock keys of the bot (a 64-bit space shared with whatever else runs on the server).</summary>
    internal const long WriteLockKey = 0x4372_6F73_7343_0001, MigrationLockKey = 0x4372_6F73_7343_0002;

    public static Task<DbTransaction> BeginWriteAsync(this DbConnection connection, CancellationToken cancellationToken = default) =>
        connection is SqliteConnection sqlite
            ? Task.FromResult<DbTransaction>(sqlite.BeginTransaction(deferred: false))
            : PostgresStorage.BeginWriteAsync(connection, cancellationToken);

    /// <summary>A row refused by a UNIQUE, PRIMARY KEY, CHECK or FOREIGN KEY constraint, on either provider.</summary>
    public static bool IsConstraintViolation(this Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        // PostgreSQL's class 23, integrity constraint violation; read through DbException so SQLite never loads Npgsql.
        DbException { SqlState: { } state } => state.StartsWith("23", StringComparison.Ordinal),
        _ => false,
    };
}
