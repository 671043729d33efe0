using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>https://discord.com/developers/docs/resources/message#allowed-mentions-object</summary>
internal static class AllowedMentionsValidator
{
    private static readonly string[] Types = ["roles", "users", "everyone"];

    public static void Check(JsonNode? node, string path, FormErrors errors)
    {
        if (node is null)
            return;
        if (node is not JsonObject mentions)
        {
            errors.Add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
            return;
        }
        var parse = mentions["parse"] as JsonArray ?? [];
        if (mentions["parse"] is { } p && p is not JsonArray)
            errors.Add($"{path}.parse", "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
        for (var i = 0; i < parse.Count; i++)
        {
            if (!Types.Contains(JsonRead.Str(parse[i])))
                errors.Choices($"{path}.parse.{i}", "('roles', 'users', 'everyone')");
        }
        foreach (var kind in new[] { "users", "roles" })
        {
            if (mentions[kind] is not { } ids)
                continue;
            if (ids is not JsonArray list || list.Any(id => JsonRead.Id(id) is null))
                errors.Add($"{path}.{kind}", "LIST_TYPE_CONVERT", $"{kind} must be a list of ids.");
            else if (list.Count > 100)
                errors.MaxLength($"{path}.{kind}", 100);
            else if (list.Count > 0 && parse.Any(t => JsonRead.Str(t) == kind))
                errors.Add(path, "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", $"parse:[\"{kind}\"] and {kind}: [ids] are mutually exclusive.");
        }
    }
}
