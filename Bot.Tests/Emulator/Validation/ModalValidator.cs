using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// A modal (callback type 9): custom_id 1–100, title 1–45, 1–5 components; text inputs wrapped in a Label (type 18,
/// label 1–45, description ≤ 100) or, the deprecated way, alone in an action row with their own label; style 1 or 2,
/// min_length 0–4000, max_length 1–4000, value ≤ 4000, placeholder ≤ 100 (components/reference.mdx).
/// </summary>
internal static class ModalValidator
{
    public static void Check(JsonNode? node, string path, FormErrors errors)
    {
        if (node is not JsonObject modal)
        {
            errors.Required(path);
            return;
        }
        var customIds = new HashSet<string>(StringComparer.Ordinal);
        errors.CheckLength(modal["custom_id"], $"{path}.custom_id", 1, 100, required: true);
        errors.CheckLength(modal["title"], $"{path}.title", 1, 45, required: true);
        if (modal["components"] is not JsonArray components || components.Count is < 1 or > 5)
        {
            errors.Length($"{path}.components", 1, 5);
            return;
        }
        for (var i = 0; i < components.Count; i++)
            CheckTopLevel(components[i], $"{path}.components.{i}", customIds, errors);
    }

    private static void CheckTopLevel(JsonNode? node, string at, HashSet<string> customIds, FormErrors errors)
    {
        switch (JsonRead.Int(node?["type"]))
        {
            case 18:
                errors.CheckLength(node!["label"], $"{at}.label", 1, 45, required: true);
                errors.CheckLength(node["description"], $"{at}.description", 0, 100, required: false);
                if (JsonRead.Int(node["component"]?["type"]) is 4)
                    CheckTextInput(node["component"]!.AsObject(), $"{at}.component", legacy: false, customIds, errors);
                else if (JsonRead.Int(node["component"]?["type"]) is 3 or 5 or 6 or 7 or 8 or 19 or 21 or 22 or 23)
                    ComponentValidator.CheckCustomId(node["component"]!["custom_id"], $"{at}.component.custom_id", customIds, errors);
                else
                    errors.Add($"{at}.component.type", "UNION_TYPE_CHOICES", "A label holds a text input, a select, a file upload or a choice group.");
                break;
            case 1:
                if (node!["components"] is JsonArray { Count: 1 } row && JsonRead.Int(row[0]?["type"]) == 4)
                    CheckTextInput(row[0]!.AsObject(), $"{at}.components.0", legacy: true, customIds, errors);
                else
                    errors.Add($"{at}.components", "UNION_TYPE_CHOICES", "An action row in a modal holds exactly one text input.");
                break;
            case 10:
                errors.CheckLength(node!["content"], $"{at}.content", 1, 4000, required: true);
                break;
            default:
                errors.Add($"{at}.type", "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (18, 10, 1).");
                break;
        }
    }

    private static void CheckTextInput(JsonObject input, string at, bool legacy, HashSet<string> customIds, FormErrors errors)
    {
        ComponentValidator.CheckCustomId(input["custom_id"], $"{at}.custom_id", customIds, errors);
        if (JsonRead.Int(input["style"]) is not (1 or 2))
            errors.Choices($"{at}.style", "(1, 2)");
        if (legacy)
            errors.CheckLength(input["label"], $"{at}.label", 1, 45, required: true);
        var min = Range(input, "min_length", 0, 4000, at, errors);
        var max = Range(input, "max_length", 1, 4000, at, errors);
        if (min is { } lo && max is { } hi && lo > hi)
            errors.Add($"{at}.min_length", "BASE_TYPE_BAD_LENGTH", "min_length must not exceed max_length.");
        errors.CheckLength(input["value"], $"{at}.value", 0, 4000, required: false);
        errors.CheckLength(input["placeholder"], $"{at}.placeholder", 0, 100, required: false);
        if (input["required"] is { } required && JsonRead.Bool(required) is null)
            errors.Add($"{at}.required", "BASE_TYPE_BAD_TYPE", "Must be a boolean.");
    }

    private static int? Range(JsonObject input, string key, int min, int max, string at, FormErrors errors)
    {
        if (input[key] is null)
            return null;
        if (JsonRead.Int(input[key]) is { } value && value >= min && value <= max)
            return value;
        errors.Add($"{at}.{key}", "NUMBER_TYPE_MAX", $"{key} must be between {min} and {max}.");
        return null;
    }
}
