using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrossCoaching.Storage;

/// <summary>
/// Who this process is among the instances sharing a database: <c>Instance__Id</c>, or by default the host name, the
/// process id and a random part (a container restarted with the same host name and pid is still a new instance). The
/// same id names the process in Quartz's cluster, in the <c>instances</c> table and in every claim it takes.
/// </summary>
public sealed record InstanceIdentity(string Id)
{
    public const string IdKey = "Instance:Id";

    /// <summary>Quartz's instance column holds 200 characters; an id is also logged, so it stays short.</summary>
    public const int MaxLength = 100;

    /// <summary>The one identity of the host being built (made once, since the default is random).</summary>
    public static InstanceIdentity Of(IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(typeof(InstanceIdentity), out var known))
            return (InstanceIdentity)known;
        var identity = From(builder.Configuration);
        builder.Properties[typeof(InstanceIdentity)] = identity;
        builder.Services.AddSingleton(identity);
        return identity;
    }

    public static InstanceIdentity From(IConfiguration? configuration)
    {
        var configured = configuration?[IdKey]?.Trim();
        var id = string.IsNullOrEmpty(configured)
            ? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}")
            : configured;
        return new InstanceIdentity(id.Length <= MaxLength ? id : id[..MaxLength]);
    }
}
