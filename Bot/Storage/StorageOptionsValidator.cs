using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Storage;

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        const string Key = "ConnectionStrings__CrossCoaching";
        try
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
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
}
