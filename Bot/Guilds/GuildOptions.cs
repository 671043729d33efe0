using Microsoft.Extensions.Options;

namespace CrossCoaching.Guilds;

/// <summary>What happens to a server's data once the bot is removed from it. Bound from the <c>Guilds</c> section.</summary>
public sealed class GuildOptions
{
    public const string Section = "Guilds";

    public const int RetentionCeiling = 3650;

    /// <summary>
    /// Days a removed server's pairs, rituals and history are kept, default 30, in case the bot is added back (a
    /// mistaken kick, a re-invite after a permission clean-up); after that they are deleted.
    /// </summary>
    public int RemovedRetentionDays { get; set; } = 30;
}

/// <summary>Checks the Guilds section on start; the message names the key and the accepted range.</summary>
public sealed class GuildOptionsValidator : IValidateOptions<GuildOptions>
{
    public ValidateOptionsResult Validate(string? name, GuildOptions o) =>
        o.RemovedRetentionDays is < 1 or > GuildOptions.RetentionCeiling
            ? ValidateOptionsResult.Fail(
                $"Guilds__RemovedRetentionDays is {o.RemovedRetentionDays}; it must be a whole number of days from 1 to {GuildOptions.RetentionCeiling}.")
            : ValidateOptionsResult.Success;
}
