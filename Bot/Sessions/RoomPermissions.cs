using CrossCoaching.Discord;
using CrossCoaching.Pairs;

namespace CrossCoaching.Sessions;

/// <summary>
/// The permission overwrites of a session room: hidden from @everyone, open to the two partners, manageable by the
/// bot. Discord refuses an overwrite that allows or denies a bit the bot does not hold itself (50013), so the extras
/// are cut down to what the bot holds where the room goes; the bits that make the room private and usable are never
/// cut: when the bot lacks one, Discord refuses the room, which fails closed.
/// </summary>
public static class RoomPermissions
{
    public const Permissions PartnerAllow = Permissions.ViewChannel | Permissions.Connect | Permissions.Speak |
        Permissions.UseVad | Permissions.Stream | Permissions.SendMessages;

    public const Permissions BotAllow = Permissions.ViewChannel | Permissions.Connect | Permissions.SendMessages | Permissions.ManageChannels;

    /// <summary>What a partner must be allowed for the room to be theirs.</summary>
    public const Permissions PartnerNeeds = Permissions.ViewChannel | Permissions.Connect;

    /// <summary>Without these the bot cannot make a private room that works: create it, hide it, let partners in.</summary>
    public const Permissions Required = Permissions.ManageChannels | Permissions.ViewChannel | Permissions.Connect;

    /// <summary>Everything a room should have; what the bot lacks of it is worth telling a server manager.</summary>
    public const Permissions Wanted = PartnerAllow | BotAllow;

    /// <param name="botHolds">What the bot holds where the room goes, as far as it can know; the extras are cut to it.</param>
    public static IReadOnlyList<PermissionOverwrite> For(Snowflake guildId, Pair pair, Snowflake botUserId, Permissions botHolds) =>
    [
        // @everyone is the role whose id is the guild id.
        new(guildId, OverwriteType.Role, Permissions.None, Permissions.ViewChannel),
        new(pair.MemberA, OverwriteType.Member, PartnerNeeds | (PartnerAllow & botHolds), Permissions.None),
        new(pair.MemberB, OverwriteType.Member, PartnerNeeds | (PartnerAllow & botHolds), Permissions.None),
        new(botUserId, OverwriteType.Member, Required | (BotAllow & botHolds), Permissions.None),
    ];

    /// <summary>
    /// Whether a room, as Discord returned it, is private to the pair: @everyone denied VIEW_CHANNEL, both partners
    /// allowed in, and no other role or member allowed to see it. Discord can answer with other overwrites than those
    /// asked for (https://github.com/discord/discord-api-docs/issues/6573), and a room that is not private must not stay.
    /// </summary>
    public static bool IsPrivate(Channel room, Snowflake guildId, Pair pair, Snowflake botUserId)
    {
        var everyone = room.Overwrites.FirstOrDefault(o => o.Type == OverwriteType.Role && o.Id == guildId);
        if (everyone is null || !everyone.Deny.HasFlag(Permissions.ViewChannel) || everyone.Allow.HasFlag(Permissions.ViewChannel))
            return false;
        foreach (var partner in pair.Members)
        {
            var own = room.Overwrites.FirstOrDefault(o => o.Type == OverwriteType.Member && o.Id == partner);
            if (own is null || (own.Allow & PartnerNeeds) != PartnerNeeds || (own.Deny & PartnerNeeds) != Permissions.None)
                return false;
        }

        return room.Overwrites.All(o => o == everyone || (o.Type == OverwriteType.Member && (pair.Members.Contains(o.Id) || o.Id == botUserId))
            || !o.Allow.HasFlag(Permissions.ViewChannel));
    }
}
