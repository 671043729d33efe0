using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CrossCoaching.Storage;

/// <summary>Which engine holds the data. SQLite needs nothing set up; PostgreSQL lets several instances share it.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the database lives: <c>ConnectionStrings__CrossCoaching</c>, a SQLite file (<c>Data Source=...</c>, the
/// default) or a PostgreSQL server (<c>Host=...</c>), which the string's form chooses; <c>Storage__Provider</c>
/// (<c>sqlite</c> | <c>postgres</c>) may say it outright.
/// </summary>
public sealed class StorageOptions
{
    public const string ConnectionStringName = "CrossCoaching";
    public const string DefaultConnectionString = "Data Source=data/crosscoaching.db";
    public const string ProviderKey = "Storage:Provider";

    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary><c>Storage__Provider</c> as given (null: chosen by the connection string's form).</summary>
    public string? Provider { get; set; }

    public static string ConnectionStringFrom(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value
            ? value
            : DefaultConnectionString;

    public static StorageOptions From(IConfiguration configuration) => new()
    {
        ConnectionString = ConnectionStringFrom(configuration),
        Provider = configuration[ProviderKey] is { Length: > 0 } provider ? provider : null,
    };

    /// <summary>The provider these settings select, or null when they select none (the validator says why).</summary>
    public StorageProvider? TryProvider()
    {
        switch (Provider?.Trim().ToLowerInvariant())
        {
            case "sqlite":
                return StorageProvider.Sqlite;
            case "postgres" or "postgresql":
                return StorageProvider.Postgres;
            case null:
                break;
            default:
                return null;
        }

        if (IsSqlite(ConnectionString))
            return StorageProvider.Sqlite;
        return IsPostgres(ConnectionString) ? StorageProvider.Postgres : null;
    }

    /// <summary>The provider, for code that runs once the options were validated.</summary>
    public StorageProvider ProviderKind =>
        TryProvider() ?? throw new InvalidOperationException("The storage options were used before they were validated.");

    /// <summary>
    /// Where earlier versions kept the scheduler's own SQLite file (<c>crosscoaching.scheduler.db</c>); the scheduler now
    /// holds its triggers in memory on SQLite, and the start removes that file.
    /// </summary>
    public string SchedulerFilePath => Path.ChangeExtension(DatabasePath, ".scheduler.db");

    /// <summary>The SQLite database file as an absolute path (relative paths count from the working directory).</summary>
    public string DatabasePath => Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);

    private static bool IsSqlite(string connectionString)
    {
        try
        {
            // Every keyword is one SQLite knows: a SQLite string, even if its file is missing (the validator says so).
            _ = new SqliteConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] // keeps Npgsql unloaded on SQLite
    private static bool IsPostgres(string connectionString)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException)
        {
            return false;
        }
    }
}
