using CrossCoaching.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Operations;

/// <summary>
/// What an operator watches: the health endpoint and the metrics exporter, both off by default. Off, neither registers
/// anything that runs: no socket, no exporter, no OpenTelemetry assembly loaded. The instruments themselves live with
/// their features (DiscordMetrics, OutboxMetrics, SessionMetrics) and cost nothing while nobody listens.
/// </summary>
public static class OperationsSetup
{
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HealthOptions>().Bind(builder.Configuration.GetSection(HealthOptions.Section)).ValidateOnStart();
        services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, OperationsOptionsValidator>();
        services.AddSingleton<IValidateOptions<MetricsOptions>, OperationsOptionsValidator>();

        // Read here rather than through IOptions: what is registered depends on it. A wrong value registers nothing and
        // is refused by the validators above, with the others, before the bot starts.
        var health = Read<HealthOptions>(builder.Configuration, HealthOptions.Section);
        if (health is { Enabled: true })
        {
            services.AddSingleton<HealthChecks>();
            services.AddSingleton<HealthListener>();
            services.AddSingleton<IStartupTask>(sp => sp.GetRequiredService<HealthListener>());
            services.AddHostedService(sp => sp.GetRequiredService<HealthListener>());
        }

        services.AddHostedService<MemoryTrim>();

        var metrics = Read<MetricsOptions>(builder.Configuration, MetricsOptions.Section);
        if (metrics is { Enabled: true } && new OperationsOptionsValidator().Validate(null, metrics).Succeeded)
            OtlpExport.Add(services, metrics);
        return builder;
    }

    private static T? Read<T>(IConfiguration configuration, string section)
        where T : new()
    {
        try
        {
            var options = new T();
            configuration.GetSection(section).Bind(options);
            return options;
        }
        catch (InvalidOperationException)
        {
            return default; // a value of the wrong type: the options binding reports it with the key's name
        }
    }
}
