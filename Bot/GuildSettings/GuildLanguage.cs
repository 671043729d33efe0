using CrossCoaching.Discord;
using CrossCoaching.Localization;

namespace CrossCoaching.GuildSettings;

/// <summary>
/// The language of messages that are not replies (reminders, room messages, DMs): the guild's setting, else the
/// guild's own locale as Discord reports it (to this instance, or to the one holding the guild's shard), else English.
/// </summary>
public sealed class GuildLanguage(GuildSettingsRepository settings, IGuildState guilds)
{
    public async Task<Lang> ForGuildAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        (await settings.GetAsync(guildId, cancellationToken)).Language
        ?? LangExtensions.FromLocale((await guilds.GetAsync(guildId, cancellationToken))?.PreferredLocale);
}
