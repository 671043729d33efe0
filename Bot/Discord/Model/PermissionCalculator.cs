namespace CrossCoaching.Discord;

/// <summary>
/// Discord's permission algorithm, pure (https://discord.com/developers/docs/topics/permissions#permission-overwrites):
/// base = @everyone role (its id is the guild id) | the member's roles; the owner and ADMINISTRATOR get everything; in a
/// channel: @everyone overwrite (deny, then allow), all the member's role overwrites (denies OR'ed, then allows OR'ed),
/// then the member's own overwrite (deny, then allow).
/// </summary>
public static class PermissionCalculator
{
    /// <summary>
    /// What a member can do in a guild, or in one of its channels; null when the channel is not in the cache. A channel
    /// can be missing because its CHANNEL_CREATE has not arrived yet (Discord answers REST before the gateway tells):
    /// "unknown" is not "no permissions", and callers must not read it so.
    /// </summary>
    public static Permissions? ForMember(CachedGuild guild, Snowflake userId, IReadOnlyCollection<Snowflake> roleIds, Snowflake? channelId = null)
    {
        if (channelId is null)
            return Compute(guild.Id, guild.OwnerId, guild.Roles, userId, roleIds, channel: null);
        return guild.Channels.TryGetValue(channelId.Value, out var channel)
            ? Compute(guild.Id, guild.OwnerId, guild.Roles, userId, roleIds, channel)
            : null;
    }

    /// <summary>What a guild member (as an interaction or the REST API gives it) can do; null when the channel is unknown.</summary>
    public static Permissions? ForMember(CachedGuild guild, GuildMember member, Snowflake? channelId = null) =>
        ForMember(guild, member.User.Id, member.RoleIds, channelId);

    /// <summary>What a member could do in a channel that is not (yet) cached, e.g. a room about to be created.</summary>
    public static Permissions ForMemberInChannel(CachedGuild guild, Snowflake userId, IReadOnlyCollection<Snowflake> roleIds, Channel channel) =>
        Compute(guild.Id, guild.OwnerId, guild.Roles, userId, roleIds, channel);

    /// <summary>What the bot can do, from its roles as the cache knows them; null when the channel is unknown.</summary>
    public static Permissions? ForBot(CachedGuild guild, Snowflake botUserId, Snowflake? channelId = null) =>
        ForMember(guild, botUserId, guild.BotRoleIds, channelId);

    /// <summary>The algorithm itself, on plain data.</summary>
    /// <param name="roleIds">The member's roles; ids absent from <paramref name="roles"/> (deleted roles) count for nothing.</param>
    public static Permissions Compute(
        Snowflake guildId, Snowflake ownerId, IReadOnlyDictionary<Snowflake, Role> roles,
        Snowflake userId, IReadOnlyCollection<Snowflake> roleIds, Channel? channel)
    {
        if (userId == ownerId)
            return Permissions.All;

        var permissions = roles.TryGetValue(guildId, out var everyone) ? everyone.Permissions : Permissions.None;
        foreach (var roleId in roleIds)
        {
            if (roles.TryGetValue(roleId, out var role))
                permissions |= role.Permissions;
        }

        // ADMINISTRATOR also bypasses every overwrite.
        if (permissions.HasFlag(Permissions.Administrator))
            return Permissions.All;
        return channel is null ? permissions : ApplyOverwrites(permissions, guildId, userId, roleIds, channel);
    }

    private static Permissions ApplyOverwrites(Permissions permissions, Snowflake guildId, Snowflake userId, IReadOnlyCollection<Snowflake> roleIds, Channel channel)
    {
        PermissionOverwrite? everyone = null, member = null;
        Permissions roleAllow = Permissions.None, roleDeny = Permissions.None;
        foreach (var overwrite in channel.Overwrites)
        {
            if (overwrite.Type == OverwriteType.Role && overwrite.Id == guildId)
                everyone = overwrite;
            else if (overwrite.Type == OverwriteType.Role && roleIds.Contains(overwrite.Id))
                (roleAllow, roleDeny) = (roleAllow | overwrite.Allow, roleDeny | overwrite.Deny);
            else if (overwrite.Type == OverwriteType.Member && overwrite.Id == userId)
                member = overwrite;
        }

        if (everyone is not null)
            permissions = (permissions & ~everyone.Deny) | everyone.Allow;
        permissions = (permissions & ~roleDeny) | roleAllow;
        if (member is not null)
            permissions = (permissions & ~member.Deny) | member.Allow;
        return ApplyImplicit(permissions, channel.Type);
    }

    /// <summary>
    /// Implicit denials (https://discord.com/developers/docs/topics/permissions#implicit-permissions): without
    /// VIEW_CHANNEL a member can do nothing in the channel. In a voice or stage channel, without CONNECT a member can
    /// only see it: the docs say a missing CONNECT also denies permissions such as MANAGE_CHANNELS, and reading the
    /// channel's text chat needs CONNECT too, so nothing but VIEW_CHANNEL is left.
    /// </summary>
    private static Permissions ApplyImplicit(Permissions permissions, ChannelType type)
    {
        if (!permissions.HasFlag(Permissions.ViewChannel))
            return Permissions.None;
        if (type is ChannelType.GuildVoice or ChannelType.GuildStageVoice && !permissions.HasFlag(Permissions.Connect))
            return Permissions.ViewChannel;
        return permissions;
    }
}
