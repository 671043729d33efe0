using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Storage;

/// <summary>
/// Opens connections to the bot's database, SQLite or PostgreSQL (<see cref="StorageProvider"/>), each ready for use:
/// on SQLite with the pragmas every connection needs (they are per connection there). The name is from when SQLite was
/// the only provider; every repository takes it, so it stayed.
/// </summary>
public sealed class SqliteConnectionFactory : IAsyncDisposable, IDisposable
{
    private readonly string _connectionString;
    private readonly string? _databasePath;
    private readonly DbDataSource? _postgres;
    private volatile bool _prepared;

    public SqliteConnectionFactory(IOptions<StorageOptions> options)
    {
        Provider = options.Value.ProviderKind;
        if (Provider == StorageProvider.Postgres)
        {
            (_postgres, _connectionString, Description) = PostgresStorage.Open(options.Value.ConnectionString);
            return;
        }

        var sqlite = new SqliteConnectionStringBuilder(options.Value.ConnectionString)
        {
            // Microsoft.Data.Sqlite retries a busy database for this long; writes are short, so a few seconds
            // absorb any contention (the Quartz store and the bot share the folder, not the file).
            DefaultTimeout = 10,
            Pooling = true,
        };
        sqlite.DataSource = Path.GetFullPath(sqlite.DataSource);
        _connectionString = sqlite.ToString();
        _databasePath = sqlite.DataSource;
        Description = $"the database {_databasePath}";
    }

    public StorageProvider Provider { get; }

    /// <summary>The database for an operator's message: its file, or its server and name (never a password).</summary>
    public string Description { get; }

    /// <summary>The SQLite file; PostgreSQL has none (callers that need a file are SQLite-only).</summary>
    public string DatabasePath => _databasePath ?? throw new InvalidOperationException("A PostgreSQL database has no file path.");

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
            return await _postgres.OpenConnectionAsync(cancellationToken);

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
            // PostgreSQL has no such setting: see "Storage providers" in README.md for what it means there.
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

    /// <summary>A connection string for a tool of the same provider (the scheduler's store, a copy).</summary>
    internal string ConnectionString => _connectionString;

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }

    public void Dispose() => _postgres?.Dispose();
}
