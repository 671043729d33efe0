using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Who a message really notifies, by Discord's allowed_mentions rules
/// (https://discord.com/developers/docs/resources/message#allowed-mentions-object): without the object, everything in
/// the content is parsed (users, roles, @everyone); with it, only the listed types and ids. Role and @everyone pings
/// also need the role to be mentionable or the bot to hold MENTION_EVERYONE. Users who cannot see the channel, the bot
/// itself, ephemeral messages and @silent (SUPPRESS_NOTIFICATIONS) messages ping nobody.
/// </summary>
internal static partial class MentionResolver
{
    [GeneratedRegex(@"<@!?(\d+)>")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"<@&(\d+)>")]
    private static partial Regex RoleMention();

    [GeneratedRegex(@"@(everyone|here)\b")]
    private static partial Regex EveryoneMention();

    public static IReadOnlyList<Snowflake> Mentioned(string content) =>
        UserMention().Matches(content).Select(m => Snowflake.TryParse(m.Groups[1].Value, out var id) ? id : default)
            .Where(id => id != default).Distinct().ToList();

    public static IReadOnlyList<Snowflake> Pinged(World world, EmulatedChannel channel, string content, JsonNode? allowed, int flags)
    {
        if ((flags & (MessageValidator.Ephemeral | MessageValidator.SuppressNotifications)) != 0)
            return [];
        var parse = allowed is null ? ["users", "roles", "everyone"] : (allowed["parse"] as JsonArray ?? []).Select(JsonRead.Str).ToList();
        var users = Ids(allowed?["users"]);
        var roles = Ids(allowed?["roles"]);
        var pinged = Mentioned(content).Where(id => parse.Contains("users") || users.Contains(id)).ToHashSet();
        if (channel.GuildId is not { } guildId || !world.Guilds.TryGetValue(guildId, out var guild))
            return pinged.Where(id => id == channel.RecipientId).ToList();
        var mentionEveryone = (world.BotPermissions(guild, channel) & Perms.MentionEveryone) != 0;
        foreach (Match match in RoleMention().Matches(content))
        {
            if (!Snowflake.TryParse(match.Groups[1].Value, out var roleId) || !guild.RolesById.TryGetValue(roleId, out var role))
                continue;
            if ((parse.Contains("roles") || roles.Contains(roleId)) && (role.Mentionable || mentionEveryone))
                pinged.UnionWith(guild.MembersById.Values.Where(m => m.RoleIds.Contains(roleId)).Select(m => m.UserId));
        }
        if (EveryoneMention().IsMatch(content) && parse.Contains("everyone") && mentionEveryone)
            pinged.UnionWith(guild.MembersById.Keys);
        return pinged
            .Where(id => id != world.Bot.Id && (World.PermissionsOf(guild, id, channel) & Perms.ViewChannel) != 0)
            .OrderBy(id => id).ToList();
    }

    private static HashSet<Snowflake> Ids(JsonNode? node) =>
        (node as JsonArray ?? []).Select(JsonRead.Id).OfType<Snowflake>().ToHashSet();
}
