using System.Data.Common;
using System.Globalization;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace CrossCoaching.Storage;

/// <summary>
/// What <see cref="DatabaseCopy"/> needs to know about the two schemas: the bot's tables (never the migrations'
/// record, which each database keeps for itself, nor Quartz's qrtz_* tables), their columns, the order foreign keys
/// impose, and the identity columns whose sequences follow the copied ids.
/// </summary>
public static class DatabaseCatalog
{
    /// <summary>
    /// Each database keeps its own migrations' record; the rest describe live processes (their ids, heartbeats, shard
    /// leases, IDENTIFY turns, registrations in flight, what a live instance recorded of its guilds for the others),
    /// meaningless for the stopped bot being moved.
    /// </summary>
    private const string NotCopied =
        "('schema_migrations', 'instances', 'shard_leases', 'shard_members', 'identify_buckets', 'command_registration_claims', 'member_sightings', 'guild_state')";

    public static async Task<HashSet<string>> SqliteTablesAsync(DbConnection connection, DbTransaction transaction) =>
    [
        .. await connection.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT IN " + NotCopied + " AND lower(name) NOT LIKE 'qrtz%'",
            transaction: transaction),
    ];

    /// <summary>The bot's tables in the target, parents before the tables whose foreign keys point at them.</summary>
    public static async Task<IReadOnlyList<string>> TablesInDependencyOrderAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        var tables = (await connection.QueryAsync<string>(
            $"""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN {NotCopied} AND table_name NOT LIKE 'qrtz%'
            ORDER BY table_name
            """, transaction: transaction)).ToList();
        var parents = (await connection.QueryAsync<(string Child, string Parent)>(
            """
            SELECT child.relname, parent.relname FROM pg_constraint c
            JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
            JOIN pg_namespace n ON n.oid = child.relnamespace
            WHERE c.contype = 'f' AND n.nspname = current_schema()
            """, transaction: transaction)).ToLookup(f => f.Child, f => f.Parent);

        var ordered = new List<string>();
        var placed = new HashSet<string>();
        void Place(string table, int depth)
        {
            if (placed.Contains(table))
                return;
            if (depth > tables.Count)
                throw new InvalidOperationException($"The foreign keys of {table} form a cycle; the tables cannot be copied one after the other.");
            foreach (var parent in parents[table].Where(p => p != table))
                Place(parent, depth + 1);
            placed.Add(table);
            ordered.Add(table);
        }

        foreach (var table in tables)
            Place(table, 0);
        return ordered;
    }

    public static async Task<IReadOnlyList<(string Name, string Type)>> PostgresColumnsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table) =>
    [
        .. await connection.QueryAsync<(string, string)>(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position",
            new { table }, transaction),
    ];

    public static async Task<IReadOnlyList<(string Table, string Column)>> IdentityColumnsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
    [
        .. await connection.QueryAsync<(string, string)>(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES' AND table_name NOT LIKE 'qrtz%'
            """, transaction: transaction),
    ];

    public static async Task<int> PostgresVersionAsync(DbConnection connection) =>
        await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('schema_migrations') IS NOT NULL")
            ? await connection.ExecuteScalarAsync<int>("SELECT coalesce(max(version), 0) FROM schema_migrations")
            : 0;

    /// <summary>
    /// A SQLite value as the PostgreSQL column holds it. The bot's schema on PostgreSQL is BIGINT and TEXT only; SQLite
    /// stores what it was given, so an integer column read back as text (or the reverse) is converted, never refused.
    /// </summary>
    public static object? ToPostgres(object? value, string type) => value switch
    {
        null => null,
        _ when type == "bigint" => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ when type == "text" => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    public static NpgsqlParameter Parameter(string name, object? value, string type) => new(name, type switch
    {
        "bigint" => NpgsqlDbType.Bigint,
        "text" => NpgsqlDbType.Text,
        _ => throw new InvalidOperationException($"Column type {type} is not one the bot's PostgreSQL schema uses (BIGINT, TEXT)."),
    })
    {
        Value = value ?? DBNull.Value,
    };
}
