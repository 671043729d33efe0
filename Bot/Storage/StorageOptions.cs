using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace CrossCoaching.Storage;

/// <summary>Where the SQLite database lives: <c>ConnectionStrings__CrossCoaching</c>.</summary>
public sealed class StorageOptions
{
    public const string ConnectionStringName = "CrossCoaching";
    public const string DefaultConnectionString = "Data Source=data/crosscoaching.db";

    public string ConnectionString { get; set; } = DefaultConnectionString;

    public static string ConnectionStringFrom(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value
            ? value
            : DefaultConnectionString;

    /// <summary>
    /// The scheduler's own SQLite file beside the database (<c>crosscoaching.scheduler.db</c>): its locking stays apart
    /// from the bot's writes, and it can be rebuilt from the database (the reconciler re-arms every step).
    /// </summary>
    public string SchedulerConnectionString =>
        new SqliteConnectionStringBuilder { DataSource = Path.ChangeExtension(DatabasePath, ".scheduler.db"), DefaultTimeout = 10 }.ToString();

    /// <summary>The database file as an absolute path (relative paths count from the working directory).</summary>
    public string DatabasePath => Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);
}
