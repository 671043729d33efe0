namespace CrossCoaching.Operations;

/// <summary>The optional OTLP exporter of the bot's metrics: off unless <see cref="OtlpEndpoint"/> is set.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>The collector's URL, e.g. http://otel-collector:4317 (gRPC) or http://otel-collector:4318 (HTTP); empty: off.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary><c>grpc</c> or <c>http/protobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>How often the metrics are sent, in seconds.</summary>
    public int ExportSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);
}
