using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Message components (https://discord.com/developers/docs/components/reference): at most 5 action rows, each with up to
/// 5 buttons or one select; custom_id 1–100 and unique in the message; button labels ≤ 80; styles 1–4 need a custom_id,
/// style 5 a url. With IS_COMPONENTS_V2 the layout types are accepted and custom_ids still checked.
/// </summary>
internal static class ComponentValidator
{
    private static readonly int[] Selects = [3, 5, 6, 7, 8];
    private static readonly int[] LayoutV2 = [1, 9, 10, 11, 12, 13, 14, 17];

    public static void CheckMessage(JsonNode? node, string path, bool v2, FormErrors errors)
    {
        if (node is null)
            return;
        if (node is not JsonArray rows)
        {
            errors.Add(path, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
            return;
        }
        var customIds = new HashSet<string>(StringComparer.Ordinal);
        if (!v2 && rows.Count > 5)
            errors.MaxLength(path, 5);
        for (var i = 0; i < rows.Count; i++)
        {
            var at = $"{path}.{i}";
            var type = JsonRead.Int(rows[i]?["type"]);
            if (v2 ? !LayoutV2.Contains(type ?? 0) : type != 1)
            {
                errors.Add($"{at}.type", "UNION_TYPE_CHOICES", v2 ? "Value of field \"type\" must be a layout component." : "Value of field \"type\" must be one of (1,).");
                continue;
            }
            if (type == 1)
                CheckRow(rows[i]!.AsObject(), at, customIds, errors);
            else
                CheckCustomIds(rows[i], at, customIds, errors);
        }
    }

    private static void CheckRow(JsonObject row, string at, HashSet<string> customIds, FormErrors errors)
    {
        if (row["components"] is not JsonArray items || items.Count == 0)
        {
            errors.Add($"{at}.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
            return;
        }
        if (items.Count > 5)
            errors.Length($"{at}.components", 1, 5);
        for (var i = 0; i < items.Count; i++)
        {
            var itemAt = $"{at}.components.{i}";
            var type = JsonRead.Int(items[i]?["type"]) ?? 0;
            if (type == 2)
                CheckButton(items[i]!.AsObject(), itemAt, customIds, errors);
            else if (Selects.Contains(type))
                CheckSelect(items[i]!.AsObject(), itemAt, items.Count, customIds, errors);
            else
                errors.Add($"{itemAt}.type", "UNION_TYPE_CHOICES", "An action row in a message holds buttons or one select menu.");
        }
    }

    private static void CheckButton(JsonObject button, string at, HashSet<string> customIds, FormErrors errors)
    {
        var style = JsonRead.Int(button["style"]) ?? 0;
        errors.CheckLength(button["label"], $"{at}.label", 0, 80, required: false);
        switch (style)
        {
            case >= 1 and <= 4:
                CheckCustomId(button["custom_id"], $"{at}.custom_id", customIds, errors);
                if (button["url"] is not null)
                    errors.Add($"{at}.url", "BUTTON_URL_NOT_ALLOWED", "Only link buttons may have a url.");
                if (button["label"] is null && button["emoji"] is null)
                    errors.Add($"{at}.label", "BUTTON_LABEL_REQUIRED", "A button needs a label or an emoji.");
                break;
            case 5:
                errors.CheckLength(button["url"], $"{at}.url", 1, 512, required: true);
                if (button["custom_id"] is not null)
                    errors.Add($"{at}.custom_id", "BUTTON_CUSTOM_ID_NOT_ALLOWED", "A link button cannot have a custom_id.");
                break;
            case 6:
                if (button["sku_id"] is null)
                    errors.Required($"{at}.sku_id");
                break;
            default:
                errors.Choices($"{at}.style", "(1, 2, 3, 4, 5, 6)");
                break;
        }
    }

    private static void CheckSelect(JsonObject select, string at, int rowSize, HashSet<string> customIds, FormErrors errors)
    {
        if (rowSize != 1)
            errors.Add(at, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "A select menu fills its action row alone.");
        CheckCustomId(select["custom_id"], $"{at}.custom_id", customIds, errors);
        errors.CheckLength(select["placeholder"], $"{at}.placeholder", 0, 150, required: false);
        if (JsonRead.Int(select["type"]) == 3)
        {
            var options = select["options"] as JsonArray;
            if (options is null || options.Count is < 1 or > 25)
                errors.Length($"{at}.options", 1, 25);
            for (var i = 0; i < (options?.Count ?? 0); i++)
            {
                errors.CheckLength(options![i]?["label"], $"{at}.options.{i}.label", 1, 100, required: true);
                errors.CheckLength(options[i]?["value"], $"{at}.options.{i}.value", 1, 100, required: true);
                errors.CheckLength(options[i]?["description"], $"{at}.options.{i}.description", 0, 100, required: false);
            }
        }
    }

    /// <summary>custom_id: 1–100 characters, unique within the message or modal.</summary>
    public static void CheckCustomId(JsonNode? node, string at, HashSet<string> customIds, FormErrors errors)
    {
        errors.CheckLength(node, at, 1, 100, required: true);
        if (JsonRead.Str(node) is { } id && !customIds.Add(id))
            errors.Add(at, "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
    }

    private static void CheckCustomIds(JsonNode? node, string at, HashSet<string> customIds, FormErrors errors)
    {
        foreach (var component in EmulatedMessage.Flatten(node).OfType<JsonObject>())
        {
            if (component["custom_id"] is { } customId)
                CheckCustomId(customId, at, customIds, errors);
        }
    }
}
