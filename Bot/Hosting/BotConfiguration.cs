using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CrossCoaching.Hosting;

public static class BotConfiguration
{
    /// <summary>Docker and compose mount secrets here, one file per key (<c>discord_token</c>).</summary>
    public const string DefaultSecretsDirectory = "/run/secrets";

    /// <summary>
    /// Environment variables and command-line arguments come with the default builder; this adds key-per-file secrets
    /// (which win over the environment, as the more deliberate of the two) and a compact console log.
    /// </summary>
    public static IHostApplicationBuilder AddBotConfiguration(this IHostApplicationBuilder builder, string secretsDirectory = DefaultSecretsDirectory)
    {
        builder.Configuration.AddKeyPerFile(secretsDirectory, optional: true);

        builder.Logging.ClearProviders();
        // AddConsole, not AddSimpleConsole: the latter forces the "simple" formatter after the configuration is read, so
        // Logging__Console__FormatterName=json was ignored. The compact defaults below apply to whichever formatter is
        // chosen, and Logging__Console__FormatterOptions__* still wins over each of them.
        builder.Logging.AddConsole();
        // Named, or the console provider falls back to the deprecated ConsoleLoggerOptions and drops the options below.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName ??= ConsoleFormatterNames.Simple);
        var formatterOptions = builder.Configuration.GetSection("Logging:Console:FormatterOptions");
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            o.ColorBehavior = LoggerColorBehavior.Disabled;
            formatterOptions.Bind(o);
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            // One object a line with an ISO 8601 UTC timestamp: what log shippers expect.
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            formatterOptions.Bind(o);
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        return builder;
    }
}
