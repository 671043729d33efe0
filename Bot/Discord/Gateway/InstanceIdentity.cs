using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// This process's name among the instances sharing a database: <c>Instance__Id</c> when set, else host, process id
/// and a random suffix, so a restarted process (same host, perhaps the same pid in a container) is a new owner and
/// never mistakes an old lease for its own.
/// </summary>
public sealed class InstanceIdentity(string id)
{
    public string Id { get; } = id;

    public static InstanceIdentity From(IConfiguration? configuration) =>
        new(configuration?["Instance:Id"] is { Length: > 0 } configured
            ? configured
            : $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}");

    public override string ToString() => Id;
}
