using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// The floor to compare the bot with: a generic-host worker doing nothing, run from this driver's own assembly
/// (<c>bare-worker</c>) as a separate process, with the bot's GC settings (workstation, non-concurrent).
/// </summary>
public static class BareWorker
{
    public const string Mode = "bare-worker";

    public static async Task<ResidentMemory> MeasureIdleAsync(TimeSpan idle)
    {
        var folder = BotRun.NewFolder("bare-worker");
        var environment = new Dictionary<string, string> { ["DOTNET_gcServer"] = "0", ["DOTNET_gcConcurrent"] = "0" };
        var worker = DotnetProcess.Start(typeof(BareWorker).Assembly.Location, [Mode], folder, environment);
        ResidentMemory memory;
        await using (worker)
        {
            await worker.WhileRunningAsync(Task.Delay(idle), "its idle time");
            memory = ResidentMemory.Of(worker.Id);
        }

        Directory.Delete(folder, recursive: true);
        return memory;
    }

    /// <summary>Runs the worker until SIGTERM.</summary>
    public static async Task<int> RunAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddHostedService<IdleService>();
        using var host = builder.Build();
        await host.RunAsync();
        return 0;
    }

    private sealed class IdleService : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
    }
}
