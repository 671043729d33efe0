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
        (guild.Roles ?? []).Select(GatewayMapping.ToRole).ToImmutableDictionary(r => r.Id),
        (guild.Channels ?? []).Select(c => GatewayMapping.ToChannel(c, guild.Id)).ToImmutableDictionary(c => c.Id),
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
        Roles = update.Roles is null ? guild.Roles : update.Roles.Select(GatewayMapping.ToRole).ToImmutableDictionary(r => r.Id),
    };

    public static CachedGuild WithRole(CachedGuild guild, Role role) => guild with { Roles = Immutable(guild.Roles).SetItem(role.Id, role) };

    public static CachedGuild WithoutRole(CachedGuild guild, Snowflake roleId) => guild with
    {
        Roles = Immutable(guild.Roles).Remove(roleId),
        BotRoleIds = [.. guild.BotRoleIds.Where(id => id != roleId)],
    };

    public static CachedGuild WithChannel(CachedGuild guild, Channel channel) =>
        guild with { Channels = Immutable(guild.Channels).SetItem(channel.Id, channel) };

    public static CachedGuild WithoutChannel(CachedGuild guild, Snowflake channelId) =>
        guild with { Channels = Immutable(guild.Channels).Remove(channelId) };

    public static CachedGuild WithBotRoles(CachedGuild guild, IEnumerable<Snowflake> roleIds) =>
        guild with { BotRoleIds = [.. roleIds] };

    /// <param name="channelId">The voice channel the user is now in; null when they left voice.</param>
    public static CachedGuild WithVoiceState(CachedGuild guild, Snowflake userId, Snowflake? channelId)
    {
        var states = Immutable(guild.VoiceChannelByUser);
        return guild with { VoiceChannelByUser = channelId is { } id ? states.SetItem(userId, id) : states.Remove(userId) };
    }

    private static ImmutableDictionary<TKey, TValue> Immutable<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> items) where TKey : notnull =>
        items as ImmutableDictionary<TKey, TValue> ?? items.ToImmutableDictionary();
}
