using System.Data;
using System.Data.Common;
using Dapper;

namespace CrossCoaching.Storage;

/// <summary>
/// One connection and one transaction shared by several repositories, so that a state change and the messages it
/// owes commit together or not at all (a crash between the two lines cannot lose or double a message).
/// </summary>
public sealed class DbWork : IAsyncDisposable
{
    private readonly List<Action> _afterCommit = [];
    private bool _committed;

    private DbWork(DbConnection connection, DbTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>
    /// The write lock is taken up front (<see cref="WriteTransactions"/>), so two writers never deadlock on an upgrade.
    /// </summary>
    public static async Task<DbWork> BeginAsync(SqliteConnectionFactory connections, CancellationToken cancellationToken = default)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            return new DbWork(connection, await connection.BeginWriteAsync(cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<int> ExecuteAsync(string sql, object? param = null) => Connection.ExecuteAsync(sql, param, Transaction);

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? param = null) => Connection.QuerySingleOrDefaultAsync<T>(sql, param, Transaction);

    /// <summary>Runs once the transaction committed (e.g. waking the outbox worker); never after a rollback.</summary>
    public void AfterCommit(Action action) => _afterCommit.Add(action);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await Transaction.CommitAsync(cancellationToken);
        _committed = true;
        foreach (var action in _afterCommit)
            action();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed && Transaction.Connection is { State: ConnectionState.Open })
            await Transaction.RollbackAsync();
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
