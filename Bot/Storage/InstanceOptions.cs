using System.Globalization;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Storage;

/// <summary>
/// This instance among those sharing a PostgreSQL database: <c>Instance__Id</c> (see <see cref="InstanceIdentity"/>)
/// and <c>Instance__CheckinSeconds</c>, how often its scheduler checks in with the cluster (and how late a check-in may
/// be before the others take over its steps).
/// </summary>
public sealed class InstanceOptions
{
    public const string Section = "Instance";

    /// <summary>Empty: the host name, the process id and a random part.</summary>
    public string Id { get; set; } = "";

    public double CheckinSeconds { get; set; } = 7.5;
}

public sealed class InstanceOptionsValidator : IValidateOptions<InstanceOptions>
{
    public const double MinCheckinSeconds = 0.5, MaxCheckinSeconds = 300;

    public ValidateOptionsResult Validate(string? name, InstanceOptions options)
    {
        if (options.Id.Length > InstanceIdentity.MaxLength || options.Id.Any(char.IsControl))
            return ValidateOptionsResult.Fail($"Instance__Id must be at most {InstanceIdentity.MaxLength} printable characters (or empty: host name, process id and a random part).");
        if (options.CheckinSeconds is < MinCheckinSeconds or > MaxCheckinSeconds || double.IsNaN(options.CheckinSeconds))
            return ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"Instance__CheckinSeconds is {options.CheckinSeconds}; it must be from {MinCheckinSeconds} to {MaxCheckinSeconds} (seconds)."));
        return ValidateOptionsResult.Success;
    }
}
