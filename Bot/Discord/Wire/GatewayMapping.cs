namespace CrossCoaching.Discord.Wire;

/// <summary>Gateway wire records to the model the features see.</summary>
internal static class GatewayMapping
{
    public static DiscordUser ToUser(GatewayUser user) =>
        new(user.Id, user.Username ?? "", user.GlobalName, user.Bot ?? false);

    public static Role ToRole(GatewayRole role) => new(role.Id, role.Name ?? "", role.Permissions, role.Position);

    /// <param name="guildId">The guild the channel belongs to: GUILD_CREATE lists channels without their guild id.</param>
    public static Channel ToChannel(GatewayChannel channel, Snowflake? guildId = null) => new(
        channel.Id,
        (ChannelType)channel.Type,
        channel.GuildId ?? guildId,
        channel.ParentId,
        channel.Name,
        channel.PermissionOverwrites?.Select(ToOverwrite).ToArray() ?? [],
        channel.UserLimit);

    public static PermissionOverwrite ToOverwrite(GatewayOverwrite overwrite) =>
        new(overwrite.Id, (OverwriteType)overwrite.Type, overwrite.Allow, overwrite.Deny);
}
