using Microsoft.Data.Sqlite;

namespace CrossCoaching.Storage;

/// <summary>Where the SQLite database lives: <c>ConnectionStrings__CrossCoaching</c>.</summary>
public sealed class StorageOptions
{
    public const string ConnectionStringName = "CrossCoaching";
    public const string DefaultConnectionString = "Data Source=data/crosscoaching.db";

    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>The database file as an absolute path (relative paths count from the working directory).</summary>
    public string DatabasePath => Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);
}
