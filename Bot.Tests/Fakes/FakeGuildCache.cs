using System.Collections.Concurrent;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Fakes;

/// <summary>A guild cache the test fills by hand; permissions are computed with Discord's algorithm as in production.</summary>
public sealed class FakeGuildCache : IGuildCache
{
    private readonly ConcurrentDictionary<Snowflake, CachedGuild> _guilds = new();

    public DiscordUser? CurrentUser { get; set; } = new(Bot, "crosscoaching", null, true);

    public Snowflake? ApplicationId { get; set; } = new Snowflake(999);

    public static readonly Snowflake Bot = new(900), BotRole = new(901);

    public IReadOnlyCollection<CachedGuild> Guilds => [.. _guilds.Values];

    public CachedGuild? GetGuild(Snowflake guildId) => _guilds.GetValueOrDefault(guildId);

    /// <summary>A guild where @everyone has the defaults and the bot's role holds <paramref name="botPermissions"/>.</summary>
    public CachedGuild AddGuild(Snowflake guildId, Permissions botPermissions, params Channel[] channels)
    {
        var roles = new Dictionary<Snowflake, Role>
        {
            [guildId] = new(guildId, "@everyone", Permissions.ViewChannel | Permissions.SendMessages | Permissions.Connect | Permissions.Speak, 0),
            [BotRole] = new(BotRole, "CrossCoaching", botPermissions, 1),
        };
        var guild = new CachedGuild(guildId, "Test guild", new Snowflake(1), "en-US", roles, channels.ToDictionary(c => c.Id), [BotRole],
            new Dictionary<Snowflake, Snowflake>());
        _guilds[guildId] = guild;
        return guild;
    }

    public void Update(Snowflake guildId, Func<CachedGuild, CachedGuild> change) => _guilds[guildId] = change(_guilds[guildId]);

    public void AddChannel(Snowflake guildId, Channel channel) =>
        Update(guildId, g => g with { Channels = new Dictionary<Snowflake, Channel>(g.Channels) { [channel.Id] = channel } });

    public Permissions? BotPermissions(Snowflake guildId, Snowflake? channelId = null) =>
        GetGuild(guildId) is { } g && CurrentUser is { } bot ? PermissionCalculator.ForBot(g, bot.Id, channelId) : null;

    public IReadOnlyList<Snowflake> UsersInVoiceChannel(Snowflake guildId, Snowflake channelId) =>
        GetGuild(guildId) is { } g ? [.. g.VoiceChannelByUser.Where(v => v.Value == channelId).Select(v => v.Key)] : [];
}
