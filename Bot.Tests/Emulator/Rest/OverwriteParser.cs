using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Reads permission_overwrites: id (a role of the guild for type 0, @everyone being the guild id; a member for type 1),
/// type 0/1, allow/deny as decimal strings (integers accepted, as Discord accepts parseable ints), null or missing as 0.
/// A member overwrite may name any user, in the guild or not: Discord accepts it and the room is simply made
/// (https://github.com/discord/discord-api-docs/issues/2856), so a bot cannot learn from it that someone left.
/// </summary>
internal sealed class OverwriteParser(EmulatedGuild guild)
{
    public IReadOnlyList<EmulatedOverwrite> Parse(JsonNode? node, FormErrors errors)
    {
        if (node is null)
            return [];
        if (node is not JsonArray list)
        {
            errors.Add("permission_overwrites", "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
            return [];
        }
        if (list.Count > 100)
            errors.MaxLength("permission_overwrites", 100);
        var result = new List<EmulatedOverwrite>();
        for (var i = 0; i < list.Count; i++)
        {
            if (Parse(list[i], $"permission_overwrites.{i}", errors) is { } overwrite)
                result.Add(overwrite);
        }
        return result;
    }

    private EmulatedOverwrite? Parse(JsonNode? node, string at, FormErrors errors)
    {
        if (node is not JsonObject o)
        {
            errors.Add(at, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
            return null;
        }
        var id = JsonRead.Id(o["id"]);
        if (id is null)
            errors.Add($"{at}.id", o["id"] is null ? "BASE_TYPE_REQUIRED" : "NUMBER_TYPE_COERCE", "A role or member id is required.");
        var type = JsonRead.Int(o["type"]) ?? (JsonRead.Str(o["type"]) is "0" ? 0 : JsonRead.Str(o["type"]) is "1" ? 1 : -1);
        if (type is not (0 or 1))
            errors.Choices($"{at}.type", "(0, 1)");
        var allow = Bits(o, "allow", at, errors);
        var deny = Bits(o, "deny", at, errors);
        if (id is not { } target || type is not (0 or 1))
            return null;
        if (type == 0 && !guild.RolesById.ContainsKey(target))
            errors.Add($"{at}.id", "UNKNOWN_ROLE", $"Role {target} is not a role of this guild.");
        return new EmulatedOverwrite(target, type, allow, deny);
    }

    private static Perms Bits(JsonObject o, string key, string at, FormErrors errors)
    {
        var bits = JsonRead.Bits(o[key], out var malformed);
        if (malformed)
            errors.Add($"{at}.{key}", "NUMBER_TYPE_COERCE", $"Value \"{o[key]!.ToJsonString()}\" is not int.");
        return bits ?? Perms.None;
    }
}
