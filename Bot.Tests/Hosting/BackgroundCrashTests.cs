using CrossCoaching.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Tests.Hosting;

/// <summary>A crashed background service must end the process with a failure, so that systemd or Docker restart it.</summary>
public sealed class BackgroundCrashTests
{
    private sealed class Crashing : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("a bug");
        }
    }

    private sealed class Idle : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
    }

    private static IHost Build<T>() where T : class, IHostedService
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<BotExit>();
        builder.Services.AddHostedService<T>();
        return builder.Build();
    }

    [Fact]
    public async Task A_background_service_that_throws_stops_the_bot_with_an_exit_code_systemd_and_Docker_restart_on()
    {
        using var host = Build<Crashing>();

        var code = await BotRunner.RunAsync(host).WaitAsync(TimeSpan.FromSeconds(30));

        // Not 1 either: systemd does not restart on 1 (RestartPreventExitStatus=1, kept for a rejected token).
        Assert.Equal(BotRunner.CrashExitCode, code);
    }

    [Fact]
    public async Task A_clean_stop_still_exits_with_zero()
    {
        using var host = Build<Idle>();
        using var stop = new CancellationTokenSource();

        var started = new TaskCompletionSource();
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(started.SetResult);
        var running = BotRunner.RunAsync(host, cancellationToken: stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();

        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
