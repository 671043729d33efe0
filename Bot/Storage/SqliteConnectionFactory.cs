using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Storage;

/// <summary>Opens connections with the pragmas every connection needs (they are per connection in SQLite).</summary>
public sealed class SqliteConnectionFactory
{
    private readonly string _connectionString;
    private volatile bool _prepared;

    public SqliteConnectionFactory(IOptions<StorageOptions> options)
    {
        var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString)
        {
            // Microsoft.Data.Sqlite retries a busy database for this long; writes are short, so a few seconds
            // absorb any contention (the Quartz store and the bot share the folder, not the file).
            DefaultTimeout = 10,
            Pooling = true,
        };
        builder.DataSource = Path.GetFullPath(builder.DataSource);
        _connectionString = builder.ToString();
        DatabasePath = builder.DataSource;
    }

    public string DatabasePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!_prepared)
        {
            // Before SQLite creates anything, so that no file of the set ever exists readable by others.
            PrivateFiles.PrepareDatabase(DatabasePath);
            _prepared = true;
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            // secure_delete: deleted rows are overwritten with zeros, so /me forget leaves no text in free pages
            // or in the backups copied from them (https://www.sqlite.org/pragma.html#pragma_secure_delete).
            pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A transaction for a state change and the messages it owes (see <see cref="DbWork"/>).</summary>
    public Task<DbWork> BeginAsync(CancellationToken cancellationToken = default) => DbWork.BeginAsync(this, cancellationToken);
}
