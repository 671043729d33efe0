using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Everything the emulated Discord knows. One lock (<see cref="Sync"/>) guards the world, the gateway sessions and the
/// records, so that a REST change, its dispatch and its sequence number happen atomically.
/// </summary>
internal sealed class World
{
    public World(EmulatorOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        Ids = new SnowflakeGenerator(time);
        Bot = new EmulatedUser(options.BotUserId ?? Ids.Next(), options.BotUsername, null, isBot: true);
        ApplicationId = options.ApplicationId ?? Bot.Id;
        Users[Bot.Id] = Bot;
    }

    public Lock Sync { get; } = new();

    public Signal Changed { get; } = new();

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public SnowflakeGenerator Ids { get; }

    public EmulatedUser Bot { get; }

    public Snowflake ApplicationId { get; }

    public Dictionary<Snowflake, EmulatedUser> Users { get; } = [];

    public Dictionary<Snowflake, EmulatedGuild> Guilds { get; } = [];

    /// <summary>Live channels; deleted ones leave this map (their records stay in <see cref="Recorder"/>).</summary>
    public Dictionary<Snowflake, EmulatedChannel> Channels { get; } = [];

    public Dictionary<Snowflake, Snowflake> DmChannelByUser { get; } = [];

    public Dictionary<Snowflake, EmulatedMessage> Messages { get; } = [];

    public CommandStore Commands { get; } = new();

    public Dictionary<Snowflake, InteractionHandle> Interactions { get; } = [];

    public Dictionary<string, InteractionHandle> InteractionsByToken { get; } = new(StringComparer.Ordinal);

    public Recorder Record { get; } = new();

    /// <summary>Set once at start; the world tells it what to dispatch.</summary>
    public GatewayHub Gateway { get; set; } = null!;

    /// <summary>The route templates the emulator serves (<c>POST /guilds/{guild_id}/channels</c>), to catch typos in scripts.</summary>
    public IReadOnlySet<string> RouteKeys { get; set; } = new HashSet<string>();

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>How many more channel creations lose their overwrites (a scripted fault).</summary>
    public int OverwriteDropsLeft { get; set; }

    public IEnumerable<EmulatedChannel> ChannelsOf(Snowflake guildId) =>
        Channels.Values.Where(c => c.GuildId == guildId).OrderBy(c => c.Position).ThenBy(c => c.Id);

    public EmulatedGuild Guild(Snowflake id) =>
        Guilds.TryGetValue(id, out var guild) ? guild : throw new ArgumentException($"The emulator has no guild {id}.");

    public EmulatedUser User(Snowflake id) =>
        Users.TryGetValue(id, out var user) ? user : throw new ArgumentException($"The emulator has no user {id}.");

    public EmulatedChannel Channel(Snowflake id) =>
        Channels.TryGetValue(id, out var channel) ? channel : throw new ArgumentException($"The emulator has no live channel {id}.");

    public static EmulatedMember Member(EmulatedGuild guild, Snowflake userId) =>
        guild.MembersById.TryGetValue(userId, out var member)
            ? member
            : throw new ArgumentException($"User {userId} is not a member of guild {guild.Name} ({guild.Id}).");

    /// <summary>A member's permissions in a channel by Discord's algorithm; guild-level when no channel is given.</summary>
    public static Perms PermissionsOf(EmulatedGuild guild, Snowflake userId, EmulatedChannel? channel)
    {
        if (!guild.MembersById.TryGetValue(userId, out var member))
            return Perms.None;
        return channel is null ? PermissionCalculator.Base(guild, member) : PermissionCalculator.InChannel(guild, member, channel);
    }

    public Perms BotPermissions(EmulatedGuild guild, EmulatedChannel? channel = null) => PermissionsOf(guild, Bot.Id, channel);

    /// <summary>Users in voice in a channel, in join order.</summary>
    public IEnumerable<Snowflake> VoiceMembers(EmulatedChannel channel) =>
        channel.GuildId is { } guildId && Guilds.TryGetValue(guildId, out var guild)
            ? guild.VoiceChannelByUser.Where(p => p.Value == channel.Id).Select(p => p.Key)
            : [];

    public void Touch() => Changed.Pulse();
}
