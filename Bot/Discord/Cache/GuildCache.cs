using System.Collections.Immutable;
using System.Text.Json;
using CrossCoaching.Discord.Gateway;
using CrossCoaching.Discord.Wire;

namespace CrossCoaching.Discord.Cache;

/// <summary>
/// The bot's view of its guilds, kept from gateway dispatches, and the source of the features' <see cref="DiscordEvent"/>s.
/// One writer at a time (the receive loop); readers on any thread see whole, immutable snapshots.
/// </summary>
/// <param name="changes">Told of each change to what steps read of a guild, to record it for the other instances.</param>
public sealed partial class GuildCache(DiscordEventQueue events, GuildChanges? changes = null) : IGuildCache, IGatewayDispatchHandler
{
    private readonly Lock _write = new();
    private ImmutableDictionary<Snowflake, CachedGuild> _guilds = ImmutableDictionary<Snowflake, CachedGuild>.Empty;
    private ImmutableHashSet<Snowflake> _unavailable = [];
    private Identity? _identity;
    private Loading? _loading; // written under _write only

    public DiscordUser? CurrentUser => Volatile.Read(ref _identity)?.User;

    public Snowflake? ApplicationId => Volatile.Read(ref _identity)?.ApplicationId;

    public IReadOnlyCollection<CachedGuild> Guilds => [.. Volatile.Read(ref _guilds).Values];

    public CachedGuild? GetGuild(Snowflake guildId) => Volatile.Read(ref _guilds).GetValueOrDefault(guildId);

    /// <summary>
    /// Whether the guild is in an outage, or listed by READY and not yet sent (its last known state, if any, stays
    /// readable until GUILD_CREATE replaces it).
    /// </summary>
    public bool IsUnavailable(Snowflake guildId) => Volatile.Read(ref _unavailable).Contains(guildId);

    public Permissions? BotPermissions(Snowflake guildId, Snowflake? channelId = null) =>
        GetGuild(guildId) is { } guild && CurrentUser is { } bot ? PermissionCalculator.ForBot(guild, bot.Id, channelId) : null;

    public IReadOnlyList<Snowflake> UsersInVoiceChannel(Snowflake guildId, Snowflake channelId) =>
        GetGuild(guildId) is { } guild
            ? [.. guild.VoiceChannelByUser.Where(v => v.Value == channelId).Select(v => v.Key).Order()]
            : [];

    /// <summary>
    /// Drops the guilds of a shard this process no longer connects (its lease went to another instance), without
    /// publishing removals: the bot is still in them, and another instance follows them now.
    /// </summary>
    public void ForgetShard(GatewayShard shard)
    {
        lock (_write)
        {
            foreach (var guildId in _guilds.Keys.Where(shard.Owns).ToList())
                Remove(guildId);
            Volatile.Write(ref _unavailable, _unavailable.Except(_unavailable.Where(shard.Owns)));
        }
    }

    public ValueTask OnDispatchAsync(string eventName, JsonElement data, CancellationToken cancellationToken = default)
    {
        lock (_write)
            Apply(eventName, data);
        return ValueTask.CompletedTask;
    }

    private void Apply(string eventName, JsonElement data)
    {
        var wire = GatewayJsonContext.Default;
        switch (eventName)
        {
            case "READY": OnReady(data.Deserialize(wire.GatewayReady)!); break;
            case "GUILD_CREATE": OnGuildCreate(data.Deserialize(wire.GatewayGuild)!); break;
            case "GUILD_UPDATE": OnGuildUpdate(data.Deserialize(wire.GatewayGuild)!); break;
            case "GUILD_DELETE": OnGuildDelete(data.Deserialize(wire.GatewayGuildDelete)!); break;
            case "GUILD_ROLE_CREATE" or "GUILD_ROLE_UPDATE": OnRole(data.Deserialize(wire.GatewayRoleEvent)!); break;
            case "GUILD_ROLE_DELETE": OnRoleDelete(data.Deserialize(wire.GatewayRoleDelete)!); break;
            case "CHANNEL_CREATE" or "CHANNEL_UPDATE": OnChannel(data.Deserialize(wire.GatewayChannel)!); break;
            case "CHANNEL_DELETE": OnChannelDelete(data.Deserialize(wire.GatewayChannel)!); break;
            case "GUILD_MEMBER_UPDATE": OnMemberUpdate(data.Deserialize(wire.GatewayMember)!); break;
            case "VOICE_STATE_UPDATE": OnVoiceState(data.Deserialize(wire.GatewayVoiceState)!); break;
        }
    }

    /// <summary>Swaps in a new snapshot of a known guild; events for guilds not cached change nothing.</summary>
    private CachedGuild? Update(Snowflake guildId, Func<CachedGuild, CachedGuild> change)
    {
        if (!_guilds.TryGetValue(guildId, out var guild))
            return null;
        var next = change(guild);
        Volatile.Write(ref _guilds, _guilds.SetItem(guildId, next));
        return next;
    }

    private void Remove(Snowflake guildId) => Volatile.Write(ref _guilds, _guilds.Remove(guildId));

    private void SetUnavailable(Snowflake guildId, bool unavailable) =>
        Volatile.Write(ref _unavailable, unavailable ? _unavailable.Add(guildId) : _unavailable.Remove(guildId));

    private sealed record Identity(DiscordUser User, Snowflake ApplicationId);

    /// <summary>The guilds READY listed that have not arrived yet, for one start-up figure in the log.</summary>
    private sealed class Loading(HashSet<Snowflake> waiting, long readyTimestamp)
    {
        public HashSet<Snowflake> Waiting { get; } = [.. waiting];

        public int Count { get; } = waiting.Count;

        public long ReadyTimestamp { get; } = readyTimestamp;
    }
}
