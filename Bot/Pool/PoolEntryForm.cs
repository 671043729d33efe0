using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Localization;
using CrossCoaching.Pool.Matching;
using CrossCoaching.Rituals.Schedule;

namespace CrossCoaching.Pool;

/// <summary>What a member typed to enter or change their entry; null fields keep what the entry had.</summary>
public sealed record PoolEntryInput(string? Windows, string? Zone, string? Languages, bool? SomeoneNew)
{
    public bool IsEmpty => Windows is null && Zone is null && Languages is null && SomeoneNew is null;
}

/// <summary>Turns a member's input into an entry, or refuses it with a short localized reason.</summary>
public static class PoolEntryForm
{
    public static PoolEntry Build(
        InteractionContext context, PoolEntryInput input, PoolEntry? current, string? guildZone, int sessionMinutes, DateTimeOffset now, TimeSpan lasts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        IReadOnlyList<PoolWindow> windows;
        if (string.IsNullOrWhiteSpace(input.Windows))
        {
            windows = current?.Windows ?? throw new UserErrorException(context.Text(PoolTexts.NoWindow));
        }
        else
        {
            var (parsed, error) = PoolWindowInput.Parse(input.Windows, sessionMinutes);
            windows = parsed ?? throw new UserErrorException(error!(context.Lang));
        }

        var zoneText = NullIfBlank(input.Zone) ?? current?.TimeZone ?? guildZone ?? throw new UserErrorException(context.Text(PoolEntryTexts.ZoneNeeded));
        if (!TimeZoneCatalog.TryFind(zoneText, out var zone))
            throw new UserErrorException(context.Text(SetupTexts.UnknownZone, Markdown.Name(zoneText.Trim())));
        var languages = NullIfBlank(input.Languages) is { } typed
            ? ParseLanguages(typed) ?? throw new UserErrorException(context.Text(PoolEntryTexts.BadLanguages))
            : current?.Languages ?? (context.Lang == Lang.Fr ? PoolLanguages.French : PoolLanguages.English);
        var i = context.Interaction;
        return new PoolEntry(context.GuildId, i.User.Id, i.UserDisplayName, zone.Id, languages, windows, input.SomeoneNew ?? current?.SomeoneNew ?? false,
            current?.JoinedAt ?? now, current?.WaitingSince ?? now, now + lasts, false, i.ChannelId ?? current?.ChannelId);
    }

    public static PoolLanguages? ParseLanguages(string text) =>
        text.Trim().ToLowerInvariant().Replace(',', ' ').Replace('/', ' ') switch
        {
            "en" or "english" or "anglais" => PoolLanguages.English,
            "fr" or "french" or "français" or "francais" => PoolLanguages.French,
            "both" or "en fr" or "fr en" or "les deux" or "en  fr" or "fr  en" => PoolLanguages.English | PoolLanguages.French,
            _ => null,
        };

    public static string LanguageCode(PoolLanguages languages) => languages switch
    {
        PoolLanguages.English => "en",
        PoolLanguages.French => "fr",
        _ => "both",
    };

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
