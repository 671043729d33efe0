using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Checks command options (https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-structure).
/// Level 0 is the command's own options, 1 a subcommand group's, 2 a subcommand's.
/// </summary>
internal static class CommandOptionValidator
{
    private static readonly int[] ChannelTypes = [0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 16];

    public static void Check(JsonNode? node, string path, int level, FormErrors errors)
    {
        if (node is null)
            return;
        if (node is not JsonArray options)
        {
            errors.Add(path, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
            return;
        }
        if (options.Count > 25)
            errors.MaxLength(path, 25);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sawOptional = false;
        var subcommands = 0;
        for (var i = 0; i < options.Count; i++)
        {
            var at = $"{path}.{i}";
            if (options[i] is not JsonObject option)
            {
                errors.Add(at, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
                continue;
            }
            var type = JsonRead.Int(option["type"]) ?? 0;
            if (type is < 1 or > 11)
                errors.Choices($"{at}.type", "(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)");
            if (JsonRead.Str(option["name"]) is { } name && !names.Add(name))
                errors.Add($"{at}.name", "APPLICATION_COMMAND_OPTIONS_DUPLICATE_NAME", "Option names must be unique.");
            CheckPlacement(type, level, at, errors);
            if (type is 1 or 2)
                subcommands++;
            else if (JsonRead.Bool(option["required"]) == true && sawOptional)
                errors.Add($"{at}.required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options");
            else if (JsonRead.Bool(option["required"]) != true)
                sawOptional = true;
            CheckOption(option, type, at, level, errors);
        }
        if (subcommands > 0 && subcommands < options.Count)
            errors.Add(path, "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-command and sub-command group option types are mutually exclusive to all other types");
    }

    private static void CheckPlacement(int type, int level, string at, FormErrors errors)
    {
        var valid = type switch
        {
            2 => level == 0,
            1 => level <= 1,
            _ => level != 1,
        };
        if (!valid)
            errors.Add($"{at}.type", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Subcommands belong at the top level or in a group; groups only at the top level; a group holds only subcommands.");
    }

    private static void CheckOption(JsonObject option, int type, string at, int level, FormErrors errors)
    {
        CommandValidator.CheckName(option["name"], $"{at}.name", chatInput: true, errors);
        errors.CheckLength(option["description"], $"{at}.description", 1, 100, required: true);
        CommandValidator.CheckLocalizations(option["name_localizations"], $"{at}.name_localizations", isName: true, chatInput: true, errors);
        CommandValidator.CheckLocalizations(option["description_localizations"], $"{at}.description_localizations", isName: false, chatInput: true, errors);
        var choosable = type is 3 or 4 or 10;
        if (option["choices"] is { } choices)
            ChoiceValidator.Check(choices, type, $"{at}.choices", errors);
        if (JsonRead.Bool(option["autocomplete"]) == true && (!choosable || option["choices"] is JsonArray { Count: > 0 }))
            errors.Add($"{at}.autocomplete", "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INVALID", "Autocomplete needs a string, integer or number option without choices.");
        CheckRange(option, "min_length", 0, 6000, type == 3, at, errors);
        CheckRange(option, "max_length", 1, 6000, type == 3, at, errors);
        foreach (var key in new[] { "min_value", "max_value" })
        {
            if (option[key] is { } value && (type is not (4 or 10) || !JsonRead.IsNumber(value)))
                errors.Add($"{at}.{key}", "APPLICATION_COMMAND_OPTION_VALUE_INVALID", $"{key} applies to integer and number options only.");
        }
        if (option["channel_types"] is { } channelTypes
            && (type != 7 || channelTypes is not JsonArray list || list.Any(t => JsonRead.Int(t) is not { } ct || !ChannelTypes.Contains(ct))))
            errors.Add($"{at}.channel_types", "BASE_TYPE_CHOICES", "channel_types lists channel types of a channel option.");
        if (type is 1 or 2)
            Check(option["options"], $"{at}.options", type == 2 ? 1 : 2, errors);
        else if (option["options"] is JsonArray { Count: > 0 })
            errors.Add($"{at}.options", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Only subcommands and groups have nested options.");
    }

    private static void CheckRange(JsonObject option, string key, int min, int max, bool applies, string at, FormErrors errors)
    {
        if (option[key] is not { } value)
            return;
        if (!applies)
            errors.Add($"{at}.{key}", "APPLICATION_COMMAND_OPTION_VALUE_INVALID", $"{key} applies to string options only.");
        else if (JsonRead.Int(value) is not { } n || n < min || n > max)
            errors.Add($"{at}.{key}", "NUMBER_TYPE_MAX", $"{key} must be between {min} and {max}.");
    }

    public static int Size(JsonNode? options) =>
        options is not JsonArray list
            ? 0
            : list.OfType<JsonObject>().Sum(o =>
                CommandValidator.Longest(o["name"], o["name_localizations"])
                + CommandValidator.Longest(o["description"], o["description_localizations"])
                + ChoiceValidator.Size(o["choices"])
                + Size(o["options"]));
}
