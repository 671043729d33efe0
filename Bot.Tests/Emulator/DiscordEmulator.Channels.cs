using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>Channels and voice, as the test arranges them (the bot's own changes come through REST).</summary>
public sealed partial class DiscordEmulator
{
    public EmulatedChannel AddCategory(Snowflake guildId, string name, params EmulatedOverwrite[] overwrites) =>
        AddChannel(guildId, EmulatedChannelType.GuildCategory, name, null, 0, overwrites);

    public EmulatedChannel AddTextChannel(Snowflake guildId, string name, Snowflake? parent = null, params EmulatedOverwrite[] overwrites) =>
        AddChannel(guildId, EmulatedChannelType.GuildText, name, parent, 0, overwrites);

    public EmulatedChannel AddVoiceChannel(Snowflake guildId, string name, Snowflake? parent = null, int userLimit = 0, params EmulatedOverwrite[] overwrites) =>
        AddChannel(guildId, EmulatedChannelType.GuildVoice, name, parent, userLimit, overwrites);

    private EmulatedChannel AddChannel(Snowflake guildId, EmulatedChannelType type, string name, Snowflake? parent, int userLimit, EmulatedOverwrite[] overwrites) => Locked(() =>
    {
        var guild = world.Guild(guildId);
        if (parent is { } parentId && world.Channel(parentId) is var category && (category.GuildId != guild.Id || category.Type != EmulatedChannelType.GuildCategory))
            throw new ArgumentException($"{category} is not a category of guild {guild.Name}.");
        var channel = new EmulatedChannel(world.Ids.Next(), type, guild.Id, name, world.Now)
        {
            ParentId = parent,
            UserLimit = userLimit,
            Overwrites = overwrites,
            Position = world.ChannelsOf(guild.Id).Count(c => c.ParentId == parent),
        };
        WorldChanges.AddChannel(world, channel);
        return channel;
    });

    /// <summary>Replaces a channel's overwrites (a moderator edited them): CHANNEL_UPDATE.</summary>
    public void SetOverwrites(Snowflake channelId, params EmulatedOverwrite[] overwrites) => Locked(() =>
    {
        var channel = world.Channel(channelId);
        channel.Overwrites = overwrites;
        WorldChanges.UpdateChannel(world, channel);
    });

    /// <summary>Someone else deletes a channel (a moderator removed a room): voice members leave, CHANNEL_DELETE.</summary>
    public void DeleteChannel(Snowflake channelId) => Locked(() => WorldChanges.DeleteChannel(world, world.Channel(channelId)));

    /// <summary>A channel by id, live or deleted; null if it never existed.</summary>
    public EmulatedChannel? FindChannel(Snowflake channelId) => Locked(() => world.Record.Channels.FirstOrDefault(c => c.Id == channelId));

    /// <summary>The guild's live channels, in position order.</summary>
    public IReadOnlyList<EmulatedChannel> ChannelsOf(Snowflake guildId) => Locked(() => world.ChannelsOf(guildId).ToList());

    /// <summary>The DM channel the bot opened with this user, if any.</summary>
    /// <summary>Opens the DM channel with a user as if the bot had asked for it earlier (POST /users/@me/channels), without a request.</summary>
    public EmulatedChannel OpenDmChannel(Snowflake userId) => Locked(() => WorldChanges.DmChannel(world, world.User(userId)));

    public EmulatedChannel? DmChannelWith(Snowflake userId) => Locked(() =>
        world.DmChannelByUser.TryGetValue(userId, out var id) ? world.Channels.GetValueOrDefault(id) : null);

    /// <summary>
    /// The user joins (or moves to) a voice channel, as their client would: only with VIEW_CHANNEL and CONNECT there by
    /// the permission algorithm, and within user_limit unless they hold MOVE_MEMBERS. Otherwise it throws, so a test
    /// proves that a room's overwrites really let partners in and keep others out. Dispatches VOICE_STATE_UPDATE.
    /// </summary>
    public void JoinVoice(Snowflake guildId, Snowflake userId, Snowflake channelId) => Locked(() =>
    {
        var guild = world.Guild(guildId);
        var member = World.Member(guild, userId);
        var channel = world.Channel(channelId);
        if (channel.GuildId != guild.Id || !channel.IsVoice)
            throw new ArgumentException($"{channel} is not a voice channel of guild {guild.Name}.");
        var permissions = PermissionCalculator.InChannel(guild, member, channel);
        if ((permissions & (Perms.ViewChannel | Perms.Connect)) != (Perms.ViewChannel | Perms.Connect))
            throw new VoiceJoinRefusedException($"{member.User} may not join {channel}: VIEW_CHANNEL and CONNECT are needed, they have {permissions}.");
        var inside = world.VoiceMembers(channel).Count(id => id != userId);
        if (channel.UserLimit > 0 && inside >= channel.UserLimit && (permissions & Perms.MoveMembers) == 0)
            throw new VoiceJoinRefusedException($"{channel} is full ({inside}/{channel.UserLimit}); {member.User} cannot join.");
        WorldChanges.SetVoice(world, guild, userId, channel);
    });

    public void LeaveVoice(Snowflake guildId, Snowflake userId) => Locked(() =>
    {
        var guild = world.Guild(guildId);
        if (guild.VoiceChannelByUser.ContainsKey(userId))
            WorldChanges.SetVoice(world, guild, userId, null);
    });

    public Snowflake? VoiceChannelOf(Snowflake guildId, Snowflake userId) => Locked<Snowflake?>(() =>
        world.Guild(guildId).VoiceChannelByUser.TryGetValue(userId, out var channel) ? channel : null);

    public IReadOnlyList<Snowflake> VoiceMembers(Snowflake channelId) => Locked(() =>
        world.Channels.TryGetValue(channelId, out var channel) ? world.VoiceMembers(channel).ToList() : []);
}

/// <summary>A user's client could not join that voice channel (permissions or user limit).</summary>
public sealed class VoiceJoinRefusedException(string message) : InvalidOperationException(message);
