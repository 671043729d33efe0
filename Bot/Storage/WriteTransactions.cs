using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

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

    public static async Task<DbTransaction> BeginWriteAsync(this DbConnection connection, CancellationToken cancellationToken = default)
    {
        switch (connection)
        {
            case SqliteConnection sqlite:
                return sqlite.BeginTransaction(deferred: false);
            case NpgsqlConnection postgres:
                var transaction = await postgres.BeginTransactionAsync(cancellationToken);
                try
                {
                    await postgres.ExecuteAsync(new CommandDefinition(
                        "SELECT pg_advisory_xact_lock(@key)", new { key = WriteLockKey }, transaction, cancellationToken: cancellationToken));
                    return transaction;
                }
                catch
                {
                    await transaction.DisposeAsync();
                    throw;
                }
            default:
                return await connection.BeginTransactionAsync(cancellationToken);
        }
    }

    /// <summary>A row refused by a UNIQUE, PRIMARY KEY, CHECK or FOREIGN KEY constraint, on either provider.</summary>
    public static bool IsConstraintViolation(this Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        PostgresException postgres => postgres.SqlState.StartsWith("23", StringComparison.Ordinal), // class 23: integrity constraint violation
        _ => false,
    };
}
