using CrossCoaching.Discord;
using CrossCoaching.Localization;

namespace CrossCoaching.GuildSettings;

/// <summary>A guild's choices from <c>/coaching setup</c>; every field has a sensible default when unset.</summary>
public sealed record GuildConfig(
    Snowflake GuildId,
    Snowflake? CategoryId = null,
    Snowflake? TrailChannelId = null,
    string? TimeZone = null,
    Lang? Language = null,
    int RoundLength = GuildConfig.DefaultRoundLength,
    int PoolCadenceHours = GuildConfig.DefaultPoolCadenceHours,
    Snowflake? PoolRoleId = null,
    bool PoolOpen = true)
{
    public const int DefaultRoundLength = 4;

    /// <summary>The matching pool runs once a day unless managers choose otherwise.</summary>
    public const int DefaultPoolCadenceHours = 24;
}
