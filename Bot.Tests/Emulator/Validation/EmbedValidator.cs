using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>Embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).</summary>
internal static class EmbedValidator
{
    public static void Check(JsonNode? node, string path, FormErrors errors)
    {
        if (node is null)
            return;
        if (node is not JsonArray embeds)
        {
            errors.Add(path, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
            return;
        }
        if (embeds.Count > 10)
            errors.MaxLength(path, 10);
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            var at = $"{path}.{i}";
            if (embeds[i] is not JsonObject embed)
            {
                errors.Add(at, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
                continue;
            }
            errors.CheckLength(embed["title"], $"{at}.title", 0, 256, required: false);
            errors.CheckLength(embed["description"], $"{at}.description", 0, 4096, required: false);
            errors.CheckLength(embed["footer"]?["text"], $"{at}.footer.text", 1, 2048, required: embed["footer"] is not null);
            errors.CheckLength(embed["author"]?["name"], $"{at}.author.name", 1, 256, required: embed["author"] is not null);
            if (embed["color"] is { } color && JsonRead.Int(color) is not (>= 0 and <= 0xFFFFFF))
                errors.Add($"{at}.color", "NUMBER_TYPE_MAX", "Color must be between 0 and 16777215.");
            if (embed["timestamp"] is { } stamp && !DateTimeOffset.TryParse(JsonRead.Str(stamp), System.Globalization.CultureInfo.InvariantCulture, out _))
                errors.Add($"{at}.timestamp", "DATE_TIME_TYPE_PARSE", "Could not parse the timestamp. Should be ISO8601.");
            var fields = embed["fields"] as JsonArray ?? [];
            if (fields.Count > 25)
                errors.MaxLength($"{at}.fields", 25);
            for (var f = 0; f < fields.Count; f++)
            {
                errors.CheckLength(fields[f]?["name"], $"{at}.fields.{f}.name", 1, 256, required: true);
                errors.CheckLength(fields[f]?["value"], $"{at}.fields.{f}.value", 1, 1024, required: true);
            }
            total += Len(embed["title"]) + Len(embed["description"]) + Len(embed["footer"]?["text"]) + Len(embed["author"]?["name"])
                + fields.Sum(f => Len(f?["name"]) + Len(f?["value"]));
        }
        if (total > 6000)
            errors.Add(path, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
    }

    private static int Len(JsonNode? node) => JsonRead.Str(node)?.Length ?? 0;
}
