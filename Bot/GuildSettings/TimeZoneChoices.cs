using CrossCoaching.Discord;
using CrossCoaching.Rituals.Schedule;

namespace CrossCoaching.GuildSettings;

/// <summary>Autocomplete for every time-zone option: the 25 best IANA matches for what was typed.</summary>
public static class TimeZoneChoices
{
    public static IReadOnlyList<AutocompleteChoice> For(string? typed) =>
        [.. TimeZoneCatalog.Suggest(typed).Select(id => new AutocompleteChoice(id.Replace('_', ' '), id))];
}
