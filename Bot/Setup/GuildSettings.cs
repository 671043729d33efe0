using CrossCoaching.Discord;
using CrossCoaching.Localization;

namespace CrossCoaching.Setup;

/// <summary>A guild's choices from <c>/coaching setup</c>; every field has a sensible default when unset.</summary>
public sealed record GuildSettings(
    Snowflake GuildId,
    Snowflake? CategoryId = null,
    Snowflake? TrailChannelId = null,
    string? TimeZone = null,
    Lang? Language = null,
    int RoundLength = GuildSettings.DefaultRoundLength)
{
    public const int DefaultRoundLength = 4;
}
