using System.Collections.Immutable;
using CrossCoaching.Discord.Wire;

namespace CrossCoaching.Discord.Cache;

/// <summary>
/// Builds the next immutable <see cref="CachedGuild"/> from the previous one and a gateway event. Pure: the cache swaps
/// the result in whole, so a reader never sees half an update.
/// </summary>
internal static class GuildSnapshots
{
    public static CachedGuild FromGuildCreate(GatewayGuild guild, Snowflake? botUserId) => new(
        guild.Id,
        guild.Name ?? "",
        guild.OwnerId ?? default,
        guild.PreferredLocale ?? "en-US",
        GuildRoles.Of((guild.Roles ?? []).Select(GatewayMapping.ToRole)),
        GuildChannels.Of(guild.Id, botUserId, (guild.Channels ?? []).Select(c => GatewayMapping.ToChannel(c, guild.Id))),
        [.. guild.Members?.FirstOrDefault(m => m.User?.Id == botUserId)?.Roles ?? []],
        VoiceStatesOf(guild).ToImmutableDictionary(v => v.UserId, v => v.ChannelId))
    {
        SystemChannelId = guild.SystemChannelId,
    };

    /// <summary>The voice channels members sit in, from GUILD_CREATE (states without a channel are skipped).</summary>
    public static IReadOnlyList<VoiceState> VoiceStatesOf(GatewayGuild guild) =>
        [.. (guild.VoiceStates ?? []).Where(v => v.ChannelId is not null).Select(v => new VoiceState(v.UserId, v.ChannelId!.Value))];

    /// <summary>GUILD_UPDATE carries the guild's settings and roles, not its channels, members or voice states.</summary>
    public static CachedGuild WithGuildUpdate(CachedGuild guild, GatewayGuild update) => guild with
    {
        Name = update.Name ?? guild.Name,
        OwnerId = update.OwnerId ?? guild.OwnerId,
        PreferredLocale = update.PreferredLocale ?? guild.PreferredLocale,
        SystemChannelId = update.SystemChannelId, // GUILD_UPDATE carries the whole guild object: null means none
        Roles = update.Roles is null ? guild.Roles : GuildRoles.Of(update.Roles.Select(GatewayMapping.ToRole)),
    };

    public static CachedGuild WithRole(CachedGuild guild, Role role) => guild with { Roles = Roles(guild).With(role) };

    public static CachedGuild WithoutRole(CachedGuild guild, Snowflake roleId) => guild with
    {
        Roles = Roles(guild).Without(roleId),
        BotRoleIds = [.. guild.BotRoleIds.Where(id => id != roleId)],
    };

    public static CachedGuild WithChannel(CachedGuild guild, Channel channel) =>
        guild with { Channels = Channels(guild).With(channel) };

    public static CachedGuild WithoutChannel(CachedGuild guild, Snowflake channelId) =>
        guild with { Channels = Channels(guild).Without(channelId) };

    public static CachedGuild WithBotRoles(CachedGuild guild, IEnumerable<Snowflake> roleIds) =>
        guild with { BotRoleIds = [.. roleIds] };

    /// <param name="channelId">The voice channel the user is now in; null when they left voice.</param>
    public static CachedGuild WithVoiceState(CachedGuild guild, Snowflake userId, Snowflake? channelId)
    {
        var states = Immutable(guild.VoiceChannelByUser);
        return guild with { VoiceChannelByUser = channelId is { } id ? states.SetItem(userId, id) : states.Remove(userId) };
    }

    // A guild always holds the cache's own collections; a hand-made one (a test's) is taken in as it is.
    private static GuildRoles Roles(CachedGuild guild) => guild.Roles as GuildRoles ?? GuildRoles.Of(guild.Roles.Values);

    private static GuildChannels Channels(CachedGuild guild) =>
        guild.Channels as GuildChannels ?? GuildChannels.Of(guild.Id, null, guild.Channels.Values);

    private static ImmutableDictionary<TKey, TValue> Immutable<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> items) where TKey : notnull =>
        items as ImmutableDictionary<TKey, TValue> ?? items.ToImmutableDictionary();
}
