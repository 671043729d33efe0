using Microsoft.Extensions.Configuration;
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
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        return builder;
    }
}
