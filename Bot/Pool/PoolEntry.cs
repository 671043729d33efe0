using CrossCoaching.Discord;
using CrossCoaching.Pool.Matching;
using CrossCoaching.Rituals.Schedule;

namespace CrossCoaching.Pool;

/// <summary>A member's entry in a guild's matching pool, as stored.</summary>
public sealed record PoolEntry(
    Snowflake GuildId,
    Snowflake UserId,
    string DisplayName,
    string TimeZone,
    PoolLanguages Languages,
    IReadOnlyList<PoolWindow> Windows,
    bool SomeoneNew,
    DateTimeOffset JoinedAt,
    DateTimeOffset WaitingSince,
    DateTimeOffset ExpiresAt,
    bool Reminded,
    Snowflake? ChannelId = null)
{
    /// <summary>The language to write to the member in: the one they speak, the server's when they speak both.</summary>
    public Localization.Lang LangOr(Localization.Lang server) => Languages switch
    {
        PoolLanguages.English => Localization.Lang.En,
        PoolLanguages.French => Localization.Lang.Fr,
        _ => server,
    };

    /// <summary>The matcher's view; null when the stored zone is no longer in the time zone database.</summary>
    public PoolCandidate? ToCandidate() =>
        TimeZoneCatalog.TryFind(TimeZone, out var zone)
            ? new PoolCandidate(UserId.Value, zone, Languages, Windows, SomeoneNew, WaitingSince)
            : null;
}
