using CrossCoaching.Discord;
using CrossCoaching.Pairs;

namespace CrossCoaching.Sessions;

/// <summary>
/// The permission overwrites of a session room: hidden from @everyone, open to the two partners, manageable by the
/// bot. Discord refuses an overwrite that allows or denies a bit the bot does not hold itself (50013), so every set
/// is cut down to what the bot holds where the room goes.
/// </summary>
public static class RoomPermissions
{
    public const Permissions PartnerAllow = Permissions.ViewChannel | Permissions.Connect | Permissions.Speak |
        Permissions.UseVad | Permissions.Stream | Permissions.SendMessages;

    public const Permissions BotAllow = Permissions.ViewChannel | Permissions.Connect | Permissions.SendMessages | Permissions.ManageChannels;

    /// <summary>Without these the bot cannot make a private room that works: create it, hide it, let partners in.</summary>
    public const Permissions Required = Permissions.ManageChannels | Permissions.ViewChannel | Permissions.Connect;

    /// <summary>Everything a room should have; what the bot lacks of it is worth telling a server manager.</summary>
    public const Permissions Wanted = PartnerAllow | BotAllow;

    public static IReadOnlyList<PermissionOverwrite> For(Snowflake guildId, Pair pair, Snowflake botUserId, Permissions botHolds) =>
    [
        // @everyone is the role whose id is the guild id.
        new(guildId, OverwriteType.Role, Permissions.None, Permissions.ViewChannel & botHolds),
        new(pair.MemberA, OverwriteType.Member, PartnerAllow & botHolds, Permissions.None),
        new(pair.MemberB, OverwriteType.Member, PartnerAllow & botHolds, Permissions.None),
        new(botUserId, OverwriteType.Member, BotAllow & botHolds, Permissions.None),
    ];
}
