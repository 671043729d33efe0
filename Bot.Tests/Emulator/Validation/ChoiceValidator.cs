using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>Command option choices: at most 25, names 1–100, values of the option's type (strings ≤ 100).</summary>
internal static class ChoiceValidator
{
    public static void Check(JsonNode choices, int optionType, string path, FormErrors errors)
    {
        if (optionType is not (3 or 4 or 10))
        {
            errors.Add(path, "APPLICATION_COMMAND_OPTION_CHOICES_INVALID", "Choices apply to string, integer and number options only.");
            return;
        }
        if (choices is not JsonArray list)
        {
            errors.Add(path, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
            return;
        }
        if (list.Count > 25)
            errors.MaxLength(path, 25);
        for (var i = 0; i < list.Count; i++)
            CheckChoice(list[i], optionType, $"{path}.{i}", errors);
    }

    public static void CheckChoice(JsonNode? node, int optionType, string at, FormErrors errors)
    {
        if (node is not JsonObject choice)
        {
            errors.Add(at, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
            return;
        }
        errors.CheckLength(choice["name"], $"{at}.name", 1, 100, required: true);
        CommandValidator.CheckLocalizations(choice["name_localizations"], $"{at}.name_localizations", isName: false, chatInput: true, errors);
        var value = choice["value"];
        switch (optionType)
        {
            case 3:
                errors.CheckLength(value, $"{at}.value", 1, 100, required: true);
                break;
            case 4 when JsonRead.Long(value) is null:
                errors.Add($"{at}.value", "NUMBER_TYPE_COERCE", "Value must be an integer.");
                break;
            case 10 when !JsonRead.IsNumber(value):
                errors.Add($"{at}.value", "NUMBER_TYPE_COERCE", "Value must be a number.");
                break;
        }
    }

    public static int Size(JsonNode? choices) =>
        choices is not JsonArray list
            ? 0
            : list.OfType<JsonObject>().Sum(c => CommandValidator.Longest(c["name"], c["name_localizations"]) + CommandValidator.Text(c["value"]).Length);
}
