using CrossCoaching.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Hosting;

/// <summary>
/// <c>CrossCoaching copy-database --to "Host=..." [--from "Data Source=..."]</c>: copies the bot's SQLite database
/// (ConnectionStrings__CrossCoaching, or --from) into a new, empty PostgreSQL database, with the bot stopped (see
/// <see cref="DatabaseCopy"/>). Prints a short summary; a refusal is one paragraph on standard error and exit code 1.
/// </summary>
public static class CopyDatabaseCommand
{
    public const string Name = "copy-database";

    private const string Usage =
        "Usage: CrossCoaching copy-database --to \"Host=...;Database=...;Username=...;Password=...\" [--from \"Data Source=data/crosscoaching.db\"]\n" +
        "   Copies the SQLite database (ConnectionStrings__CrossCoaching by default) into a new, empty PostgreSQL database. Stop the bot first.";

    public static async Task<int> RunAsync(IConfiguration configuration, string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? to = null, from = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--to" when i + 1 < args.Length:
                    to = args[++i];
                    break;
                case "--from" when i + 1 < args.Length:
                    from = args[++i];
                    break;
                default:
                    await errors.WriteLineAsync(Usage);
                    return 2;
            }
        }

        if (string.IsNullOrWhiteSpace(to))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            var sourceOptions = from is null ? StorageOptions.From(configuration) : new StorageOptions { ConnectionString = from };
            var targetOptions = new StorageOptions { ConnectionString = to };
            if (sourceOptions.TryProvider() is null || targetOptions.TryProvider() is null)
                throw new StartupException(
                    $"The {(sourceOptions.TryProvider() is null ? "source" : "target")} connection string is neither a SQLite one (\"Data Source=...\") " +
                    "nor a PostgreSQL one (\"Host=...;Database=...\"). Nothing was copied.");
            await using var source = new SqliteConnectionFactory(Options.Create(sourceOptions));
            await using var target = new SqliteConnectionFactory(Options.Create(targetOptions));
            var result = await new DatabaseCopy(source, target, TimeProvider.System).RunAsync(cancellationToken);
            await output.WriteLineAsync(
                $"Copied {source.Description} into {target.Description} at schema version {result.SchemaVersion}: " +
                $"{result.Tables.Count} tables, {result.Tables.Sum(t => t.Rows)} rows, in {result.Took.TotalSeconds:0.0} s. Row counts checked, id sequences reset.");
            foreach (var (table, rows) in result.Tables)
                await output.WriteLineAsync($"  {table,-24} {rows,10}");
            await output.WriteLineAsync(
                "Quartz's tables were not copied: the bot re-arms every planned step from the database when it starts. Next: set " +
                "ConnectionStrings__CrossCoaching to the PostgreSQL string, start the bot, and keep the SQLite file as a backup.");
            return 0;
        }
        catch (Exception e) when (BotRunner.Describe(e) is { } message)
        {
            await errors.WriteLineAsync(message);
            return 1;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Data.Common.DbException or ArgumentException)
        {
            await errors.WriteLineAsync($"The copy failed and was rolled back, the target holds nothing of it: {e.Message}");
            return 1;
        }
    }
}
