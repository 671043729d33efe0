using System.Runtime.CompilerServices;
using CrossCoaching.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CrossCoaching.Operations;

/// <summary>
/// Sends the bot's meter (and the runtime's own, "System.Runtime": memory, GC, thread pool) to an OpenTelemetry
/// collector over OTLP. The only code that names OpenTelemetry's types: kept out of line, so that with the exporter
/// off its assemblies are never loaded.
/// </summary>
internal static class OtlpExport
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Add(IServiceCollection services, MetricsOptions options)
    {
        var protocol = options.OtlpProtocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        var endpoint = new Uri(options.OtlpEndpoint);
        // Set in code, the HTTP endpoint is used as given: the usual base URL gets the standard metrics path.
        if (protocol == OtlpExportProtocol.HttpProtobuf && endpoint.AbsolutePath == "/")
            endpoint = new Uri(endpoint, "v1/metrics");
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("crosscoaching", serviceVersion: typeof(OtlpExport).Assembly.GetName().Version?.ToString(3)))
            .WithMetrics(metrics => metrics
                .AddMeter(BotMeter.Name, "System.Runtime")
                .AddOtlpExporter((exporter, reader) =>
                {
                    exporter.Endpoint = endpoint;
                    exporter.Protocol = protocol;
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.ExportSeconds * 1000;
                }));
    }
}
