using CrossCoaching.Discord;
using CrossCoaching.Guilds;
using CrossCoaching.Help;
using CrossCoaching.Hosting;
using CrossCoaching.Managers;
using CrossCoaching.Messaging;
using CrossCoaching.Operations;
using CrossCoaching.Pairs;
using CrossCoaching.Pool;
using CrossCoaching.Privacy;
using CrossCoaching.Progress;
using CrossCoaching.Rituals;
using CrossCoaching.GuildSettings;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using CrossCoaching.Takeaways;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrossCoaching;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["backup"])
        {
            await Console.Error.WriteLineAsync("Usage: CrossCoaching backup <folder/ or file.db>   (a consistent copy of the live database)");
            return 2;
        }

        if (args is [HealthCommand.Name, .. var which])
            return await HealthCommand.RunAsync(Host.CreateApplicationBuilder([]).Configuration, which, Console.Out, Console.Error);

        if (args is [CopyDatabaseCommand.Name, .. var copy])
            return await CopyDatabaseCommand.RunAsync(CreateBuilder([]).Configuration, copy, Console.Out, Console.Error);

        if (args is ["backup", var target, ..])
        {
            using var tool = CreateBuilder(args[2..]).Build();
            return await BackupCommand.RunAsync(tool.Services, target);
        }

        // SIGTERM before the host has installed its own handler (during migrations, say) still stops cleanly.
        using var stop = new CancellationTokenSource();
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
        using var host = CreateBuilder(args).Build();
        return await BotRunner.RunAsync(host, cancellationToken: stop.Token);
    }

    /// <summary>The whole service graph, one line per feature. Tests build the same graph with their overrides.</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--Sessions:GraceMinutes=0</c>).</param>
    /// <param name="configure">Changes to the configuration sources, applied before any feature reads them.</param>
    /// <param name="secretsDirectory">Where key-per-file secrets are read from.</param>
    public static HostApplicationBuilder CreateBuilder(
        string[] args, Action<ConfigurationManager>? configure = null, string secretsDirectory = BotConfiguration.DefaultSecretsDirectory)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddBotConfiguration(secretsDirectory);
        configure?.Invoke(builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BotExit>();
        // SIGTERM and Ctrl-C: stop within a few seconds, whatever is running.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        builder.AddStorage();
        builder.AddDiscord();
        builder.AddMessaging();
        builder.AddGuildSettings();
        builder.AddManagers();
        builder.AddPairs();
        builder.AddPool();
        builder.AddRituals();
        builder.AddSessions();
        builder.AddTakeaways();
        builder.AddProgress();
        builder.AddPrivacy();
        builder.AddGuilds();
        builder.AddHelp();
        builder.AddOperations();
        return builder;
    }
}
