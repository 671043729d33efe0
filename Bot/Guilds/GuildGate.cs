using System.Collections.Concurrent;
using CrossCoaching.Discord;

namespace CrossCoaching.Guilds;

/// <summary>
/// Whether the bot can act in a server now. A server in an outage (GUILD_DELETE with <c>unavailable</c>) answers every
/// call with an error until its GUILD_CREATE: steps wait instead of failing. A server the bot was removed from refuses
/// everything for good: nothing is planned or retried there, so no 403 or 404 is drawn in a loop.
/// </summary>
public sealed class GuildGate(GuildRemovalRepository removals)
{
    // In memory only: after a restart the gateway says again which servers are out.
    private readonly ConcurrentDictionary<Snowflake, byte> _outages = new();

    public bool IsOut(Snowflake guildId) => _outages.ContainsKey(guildId);

    /// <summary>True while the server is out or the bot removed from it: the caller leaves its work pending.</summary>
    public async Task<bool> HoldsAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        IsOut(guildId) || await removals.IsRemovedAsync(guildId, cancellationToken);

    public Task<bool> IsRemovedAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        removals.IsRemovedAsync(guildId, cancellationToken);

    internal void MarkOut(Snowflake guildId) => _outages[guildId] = 0;

    /// <returns>True when the server was out.</returns>
    internal bool MarkBack(Snowflake guildId) => _outages.TryRemove(guildId, out _);
}
