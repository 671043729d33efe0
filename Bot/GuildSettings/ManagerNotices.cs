using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.GuildSettings;

/// <summary>
/// Tells a server's managers what they must fix (a room Discord did not make private, the rooms category deleted): a
/// direct message to the server's owner, who can reach every setting, or, when the owner takes no direct messages, a
/// message in the server's system channel (Discord's own channel for server notices). Owed through the outbox, so an
/// outage or a restart does not lose it; one notice of a kind per server and clock hour (the outbox's dedupe key),
/// since one cause can fail many rooms of a slot at once. Every such message goes through <see cref="TellAsync"/>.
/// </summary>
public sealed class ManagerNotices(Outbox outbox, IGuildState guilds, GuildLanguage languages, TimeProvider time, ILogger<ManagerNotices> logger)
{
    public static readonly TimeSpan Quiet = TimeSpan.FromHours(1);

    /// <param name="kind">What the notice is about; a second notice of the same kind within the same hour is not sent.</param>
    public async Task TellAsync(Snowflake guildId, string kind, LocalizedText text, object?[] args, CancellationToken cancellationToken = default)
    {
        // On an instance without the guild's shard, the owner is the one the shard's instance recorded.
        if (await guilds.GetAsync(guildId, cancellationToken) is not { } guild)
        {
            logger.LogWarning("Cannot tell the managers of guild {Guild} about {Kind}: its owner is not known yet", guildId, kind);
            return;
        }

        var lang = await languages.ForGuildAsync(guildId, cancellationToken);
        var content = ManagerTexts.Header.Format(lang, Markdown.Name(guild.Name)) + "\n" + text.Format(lang, args);
        var hour = time.GetUtcNow().ToUnixTimeSeconds() / (long)Quiet.TotalSeconds;
        var letter = Letter.Dm($"guild:{guildId}:managers:{kind}:{hour}", NoticeKinds.Managers(kind), guild.OwnerId, MessageSpec.Text(content));
        // The notices name no member and no session, so the server's system channel may read them.
        if (guild.SystemChannelId is { } system)
            letter = letter with { FallbackChannel = system, FallbackSpec = MessageSpec.Text(content + "\n" + ManagerTexts.ForManagers[lang]) };
        await outbox.EnqueueAsync(letter, cancellationToken);
    }
}
