using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Tests.Fakes;

/// <summary>
/// A crash at one step of a transaction, made by the database itself: a trigger that refuses every <c>operation</c>
/// on <c>table</c> until disposed, on either provider. The code under test sees the error a crash at that statement
/// would leave behind (nothing of its transaction committed), without a seam in the code for tests.
/// </summary>
public sealed class InjectedFault : IAsyncDisposable
{
    private readonly SqliteConnectionFactory _connections;
    private readonly string _table;

    private InjectedFault(SqliteConnectionFactory connections, string table) => (_connections, _table) = (connections, table);

    /// <param name="operation">INSERT, UPDATE or DELETE.</param>
    public static async Task<InjectedFault> OnAsync(SqliteConnectionFactory connections, string table, string operation)
    {
        await using var connection = await connections.OpenAsync();
        if (connections.Provider == StorageProvider.Postgres)
        {
            await connection.ExecuteAsync("CREATE OR REPLACE FUNCTION injected_fault() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$ LANGUAGE plpgsql");
            await connection.ExecuteAsync($"CREATE TRIGGER injected_fault BEFORE {operation} ON {table} FOR EACH ROW EXECUTE FUNCTION injected_fault()");
        }
        else
        {
            await connection.ExecuteAsync($"CREATE TRIGGER injected_fault BEFORE {operation} ON {table} BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
        }

        return new InjectedFault(connections, table);
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = await _connections.OpenAsync();
        await connection.ExecuteAsync(_connections.Provider == StorageProvider.Postgres ? $"DROP TRIGGER injected_fault ON {_table}" : "DROP TRIGGER injected_fault");
    }
}
