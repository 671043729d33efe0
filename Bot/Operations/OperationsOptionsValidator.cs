using System.Net;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Operations;

/// <summary>Checks the Health and Metrics sections on start; each message names the key and what it accepts.</summary>
public sealed class OperationsOptionsValidator : IValidateOptions<HealthOptions>, IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        var errors = new List<string>();
        if (options.Port is < 0 or > 65535)
            errors.Add($"Health__Port is {options.Port}; it must be a TCP port from 1 to 65535, or 0 to turn the health endpoint off.");
        if (!IPAddress.TryParse(options.Address, out _))
            errors.Add($"Health__Address is '{options.Address}'; it must be an IP address such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        var errors = new List<string>();
        if (options.Enabled && !(Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add($"Metrics__OtlpEndpoint is '{options.OtlpEndpoint}'; it must be an http:// or https:// URL of an OpenTelemetry collector, or empty.");
        if (options.OtlpProtocol is not ("grpc" or "http/protobuf"))
            errors.Add($"Metrics__OtlpProtocol is '{options.OtlpProtocol}'; it must be grpc or http/protobuf.");
        if (options.ExportSeconds is < 1 or > 3600)
            errors.Add($"Metrics__ExportSeconds is {options.ExportSeconds}; it must be a whole number of seconds from 1 to 3600.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
