using CrossCoaching.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Hosting;

/// <summary><c>CrossCoaching backup &lt;file-or-folder&gt;</c>: a consistent copy of the running bot's database.</summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string target)
    {
        try
        {
            var path = await services.GetRequiredService<DatabaseBackup>().WriteAsync(target, services.GetRequiredService<TimeProvider>());
            await Console.Out.WriteLineAsync($"Backup written to {path}");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"Backup failed: {e.Message}");
            return 1;
        }
    }
}
