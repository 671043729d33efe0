using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Hosting;

/// <summary>Runs the bot: checks the configuration, runs the start-up tasks, then the host until it stops.</summary>
public static partial class BotRunner
{
    /// <summary>
    /// A part of the bot crashed (a bug), as opposed to 1, a cause the operator must fix (which systemd does not restart,
    /// see deploy/crosscoaching.service). 70 is EX_SOFTWARE in sysexits.h.
    /// </summary>
    public const int CrashExitCode = 70;

    /// <returns>The process exit code: 0 after a clean stop, non-zero when the bot could not start or had to stop.</returns>
    public static async Task<int> RunAsync(IHost host, TextWriter? errors = null, CancellationToken cancellationToken = default)
    {
        try
        {
            if (await PrepareAsync(host, cancellationToken) is { } problem)
            {
                await (errors ?? Console.Error).WriteLineAsync(problem);
                return 1;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0; // stopped before it started: nothing to undo, migrations run in transactions
        }

        var exit = host.Services.GetRequiredService<BotExit>();
        var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CrossCoaching");
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
            log.LogInformation("CrossCoaching {Version} started", typeof(BotRunner).Assembly.GetName().Version?.ToString(3)));
        // Taken before the run: RunAsync disposes the host, and with it the services.
        var background = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while starting (a SIGTERM during a deploy): services interrupted half-way, such as the
            // scheduler creating its tables, report it in their own words; it is a clean stop all the same.
            log.LogInformation("Stopped while starting ({Reason})", e.GetType().Name);
        }

        if (exit.Code == 0 && background.FirstOrDefault(s => s.ExecuteTask is { IsFaulted: true }) is { } crashed)
        {
            // The host stops when a background service throws (BackgroundServiceExceptionBehavior.StopHost) but
            // returns as after a clean stop: without this, systemd and Docker would see exit code 0 and not restart.
            // The host has logged the exception; its loggers are disposed by now.
            await (errors ?? Console.Error).WriteLineAsync(
                $"{crashed.GetType().Name} crashed (see the log); exiting with code {CrashExitCode} so that the bot is restarted.");
            return CrashExitCode;
        }
        return exit.Code;
    }

    /// <summary>Validates the options and runs the start-up tasks.</summary>
    /// <returns>Null when the bot may start; otherwise the operator-facing reason it cannot.</returns>
    public static async Task<string?> PrepareAsync(IHost host, CancellationToken cancellationToken = default)
    {
        try
        {
            host.Services.GetService<IStartupValidator>()?.Validate();
            foreach (var task in host.Services.GetServices<IStartupTask>())
                await task.RunAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            return message;
        }
    }

    /// <summary>The operator-facing text of a start-up failure, or null for a bug (which keeps its stack trace).</summary>
    public static string? Describe(Exception e) => e switch
    {
        StartupException startup => startup.Message,
        OptionsValidationException options => string.Join(Environment.NewLine, options.Failures),
        AggregateException aggregate when aggregate.InnerExceptions.All(i => Describe(i) is not null) =>
            string.Join(Environment.NewLine, aggregate.InnerExceptions.Select(Describe)),
        // The configuration binder fails on values of the wrong type ("abc" for a number) and names the key.
        InvalidOperationException binding when BinderFailure().Match(binding.Message) is { Success: true } match =>
            $"{match.Groups[2].Value.Replace(":", "__", StringComparison.Ordinal)} is '{match.Groups[1].Value}', which is not " +
            $"{(match.Groups[3].Value is "Int32" or "Int64" ? "a whole number" : "a valid value")}; the accepted values are in " +
            "the configuration table of README.md.",
        _ => null,
    };

    [GeneratedRegex(@"configuration value '([^']*)' at '([^']+)' to type 'System\.(\w+)")]
    private static partial Regex BinderFailure();
}
