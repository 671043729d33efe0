using System.Collections.Concurrent;
using CrossCoaching.Discord;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.GuildSettings;

/// <summary>
/// The configured rooms category was deleted by hand. The proof is Discord's: its CHANNEL_DELETE, a GUILD_CREATE that
/// no longer lists it, or a room refused because the category does not exist — never the cache merely not knowing it,
/// since a CHANNEL_CREATE can arrive late. The setting is cleared (rooms go at the top level, still private) and the
/// server's managers are told once.
/// </summary>
public sealed class LostCategory(GuildSettingsRepository settings, ManagerNotices managers, ILogger<LostCategory> logger)
{
    // The category each guild lost, until a manager chooses another: /coaching setup says so. Kept in memory only; the
    // owner's notice is the durable trace.
    private readonly ConcurrentDictionary<Snowflake, Snowflake> _lost = new();

    /// <summary>The rooms category the guild lost since the bot started, unless a manager has chosen another since.</summary>
    public Snowflake? LostIn(Snowflake guildId) => _lost.TryGetValue(guildId, out var category) ? category : null;

    /// <summary>A manager chose where rooms go now.</summary>
    public void Acknowledge(Snowflake guildId) => _lost.TryRemove(guildId, out _);

    /// <summary>Forgets <paramref name="categoryId"/> if it is the guild's rooms category; anything else is ignored.</summary>
    public async Task ForgetAsync(Snowflake guildId, Snowflake categoryId, string proof, CancellationToken cancellationToken = default)
    {
        var current = await settings.GetAsync(guildId, cancellationToken);
        if (current.CategoryId != categoryId)
            return;
        await settings.SaveAsync(current with { CategoryId = null }, cancellationToken);
        _lost[guildId] = categoryId;
        logger.LogWarning("The rooms category {Category} of guild {Guild} is gone ({Proof}); rooms now go at the top level", categoryId, guildId, proof);
        await managers.TellAsync(guildId, "category-gone", ManagerTexts.CategoryGone, [$"<#{categoryId}>"], cancellationToken);
    }
}
