using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Messaging;
using CrossCoaching.Storage;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Guilds;

/// <summary>
/// One short hello when the bot joins a server, pointing its managers to <c>/coaching setup</c>: in the server's system
/// channel when the bot may post there, else to the owner by direct message (who can reach every setting). Once per
/// server, ever: the <c>guild_welcomes</c> row and the letter are written in one transaction, so a crash cannot lose it
/// or send it twice, and a server that removes the bot and adds it back is not greeted again (it knows the bot).
/// </summary>
public sealed class GuildWelcome(
    SqliteConnectionFactory connections, Outbox outbox, IGuildCache cache, GuildLanguage languages, TimeProvider time, ILogger<GuildWelcome> logger)
{
    public const Permissions ToPost = Permissions.ViewChannel | Permissions.SendMessages;

    /// <summary>GUILD_CREATE of a server the bot was not in (see <see cref="GuildAvailable.Joined"/>).</summary>
    public async Task JoinedAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        if (cache.GetGuild(guildId) is not { } guild)
            return;
        var lang = await languages.ForGuildAsync(guildId, cancellationToken);
        var text = MessageSpec.Text(GuildTexts.Welcome.Format(lang, Markdown.Name(guild.Name)));
        var key = $"guild:{guildId}:welcome";
        // Unknown permissions are not "allowed": the owner's DM is the sure way then.
        var letter = guild.SystemChannelId is { } system && cache.BotPermissions(guildId, system) is { } can && (can & ToPost) == ToPost
            ? Letter.InChannel(key, NoticeKinds.GuildWelcome, system, text)
            : Letter.Dm(key, NoticeKinds.GuildWelcome, guild.OwnerId, text);

        await using var work = await connections.BeginAsync(cancellationToken);
        var first = await work.ExecuteAsync(
            "INSERT INTO guild_welcomes (guild_id, welcomed_at) VALUES (@guildId, @now) ON CONFLICT (guild_id) DO NOTHING",
            new { guildId, now = time.GetUtcNow() });
        if (first == 0)
            return;
        await outbox.EnqueueAsync(work, letter);
        await work.CommitAsync(cancellationToken);
        logger.LogInformation("Joined server {Guild}: welcome owed {Where}", guildId, letter.Target == LetterTarget.Channel ? "in its system channel" : "to its owner");
    }
}
