using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Npgsql;

namespace CrossCoaching.Storage;

/// <summary>
/// Everything that names an Npgsql type, kept apart: the runtime loads an assembly when it compiles the first method
/// that names one of its types, so a bot on SQLite never maps Npgsql (about 1.5 MiB resident with its metadata) as
/// long as only the PostgreSQL branches call in here.
/// </summary>
internal static class PostgresStorage
{
    /// <summary>The data source for a PostgreSQL connection string, its normalized string and a description without the password.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static (DbDataSource Source, string ConnectionString, string Description) Open(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return (NpgsqlDataSource.Create(builder), builder.ConnectionString, $"the PostgreSQL database {builder.Database ?? builder.Username} on {builder.Host}");
    }

    /// <summary>A transaction that first takes the bot's advisory write lock (see <see cref="WriteTransactions"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is not NpgsqlConnection postgres)
            return await connection.BeginTransactionAsync(cancellationToken);
        var transaction = await postgres.BeginTransactionAsync(cancellationToken);
        try
        {
            await postgres.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@key)", new { key = WriteTransactions.WriteLockKey }, transaction, cancellationToken: cancellationToken));
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
