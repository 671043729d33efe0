using System.Collections.Concurrent;
using CrossCoaching.Discord;
using CrossCoaching.Localization;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Setup;

/// <summary>
/// Tells a server's managers what they must fix (a room Discord did not make private, the rooms category deleted): a
/// direct message to the server's owner, who can reach every setting, or, when the owner takes no direct messages, a
/// message in the server's system channel (Discord's own channel for server notices). One notice of a kind per server and hour, since
/// one cause can fail many rooms of a slot at once. Every such message goes through <see cref="TellAsync"/>.
/// </summary>
public sealed class ManagerNotices(IDiscordApi api, IGuildCache cache, GuildLanguage languages, TimeProvider time, ILogger<ManagerNotices> logger)
{
    public static readonly TimeSpan Quiet = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(Snowflake Guild, string Kind), DateTimeOffset> _lastSent = new();

    /// <param name="kind">What the notice is about; a second notice of the same kind within <see cref="Quiet"/> is not sent.</param>
    public async Task TellAsync(Snowflake guildId, string kind, LocalizedText text, object?[] args, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_lastSent.TryGetValue((guildId, kind), out var last) && now - last < Quiet)
            return;
        if (cache.GetGuild(guildId) is not { } guild)
        {
            logger.LogWarning("Cannot tell the managers of guild {Guild} about {Kind}: its owner is not known yet", guildId, kind);
            return;
        }

        _lastSent[(guildId, kind)] = now;
        foreach (var stale in _lastSent.Where(e => now - e.Value >= Quiet).Select(e => e.Key).ToList())
            _lastSent.TryRemove(stale, out _);
        var lang = await languages.ForGuildAsync(guildId, cancellationToken);
        var content = ManagerTexts.Header.Format(lang, Markdown.Name(guild.Name)) + "\n" + text.Format(lang, args);
        try
        {
            var dm = await api.CreateDmAsync(guild.OwnerId, cancellationToken);
            await api.CreateMessageAsync(dm.Id, MessageSpec.Text(content), cancellationToken);
            return;
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCode.CannotSendMessagesToUser or DiscordErrorCode.UnknownUser
            && guild.SystemChannelId is not null)
        {
            logger.LogInformation("The owner of guild {Guild} does not take direct messages; writing to the system channel", guildId);
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException or DiscordUnavailableException)
        {
            logger.LogWarning("Could not tell the owner of guild {Guild} about {Kind}: {Reason}", guildId, kind, e.Message);
            return;
        }

        // The notices name no member and no session, so the server's system channel may read them.
        try
        {
            await api.CreateMessageAsync(guild.SystemChannelId!.Value, MessageSpec.Text(content + "\n" + ManagerTexts.ForManagers[lang]), cancellationToken);
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException or DiscordUnavailableException)
        {
            logger.LogWarning("Could not tell the managers of guild {Guild} about {Kind} in the system channel either: {Reason}", guildId, kind, e.Message);
        }
    }
}
