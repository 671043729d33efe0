using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrossCoaching.Storage;

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Key = "ConnectionStrings__CrossCoaching";
    private const string PostgresExample = "\"Host=db.example;Database=crosscoaching;Username=crosscoaching;Password=...\"";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Provider is { } given && given.Trim().ToLowerInvariant() is not ("sqlite" or "postgres" or "postgresql"))
            return ValidateOptionsResult.Fail($"Storage__Provider is '{given}'; it must be 'sqlite' or 'postgres' (or be left unset: the form of {Key} then chooses).");

        return options.TryProvider() switch
        {
            StorageProvider.Sqlite => ValidateSqlite(options.ConnectionString),
            StorageProvider.Postgres => ValidatePostgres(options.ConnectionString),
            _ => ValidateOptionsResult.Fail(
                $"{Key} is neither a SQLite connection string (e.g. \"{StorageOptions.DefaultConnectionString}\", the default) " +
                $"nor a PostgreSQL one (e.g. {PostgresExample}); see \"Storage providers\" in README.md."),
        };
    }

    private static ValidateOptionsResult ValidateSqlite(string connectionString)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:")
                return ValidateOptionsResult.Fail($"{Key} must name a database file, e.g. \"{StorageOptions.DefaultConnectionString}\".");
            if (builder.Mode is SqliteOpenMode.Memory or SqliteOpenMode.ReadOnly)
                return ValidateOptionsResult.Fail($"{Key} must open a writable file (Mode=ReadWriteCreate, the default).");
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"{Key} is not a valid SQLite connection string ({e.Message}); e.g. \"{StorageOptions.DefaultConnectionString}\".");
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] // keeps Npgsql unloaded on SQLite
    private static ValidateOptionsResult ValidatePostgres(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
                return ValidateOptionsResult.Fail($"{Key} must name the PostgreSQL server with Host=..., e.g. {PostgresExample}.");
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException)
        {
            // Npgsql's message names the keyword at fault, never a password.
            return ValidateOptionsResult.Fail($"{Key} is not a valid PostgreSQL connection string ({e.Message}); e.g. {PostgresExample}.");
        }
    }
}
