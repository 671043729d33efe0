using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Checks an application command as Discord does
/// (https://discord.com/developers/docs/interactions/application-commands#application-command-object).
/// </summary>
internal static partial class CommandValidator
{
    /// <summary>Discord's locales (https://discord.com/developers/docs/reference#locales).</summary>
    public static readonly IReadOnlySet<string> Locales = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR",
        "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko",
    };

    /// <summary>The combined size limit of names, descriptions and values, longest localization counted (docs: 8000).</summary>
    public const int MaxCommandSize = 8000;

    /// <summary>
    /// The documented regex <c>^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$</c>; .NET names the scripts as Unicode
    /// blocks, and the length is checked separately in code points as the unicode flag counts.
    /// </summary>
    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]+$")]
    private static partial Regex ChatInputName();

    public static void Validate(JsonNode? node, string path, FormErrors errors)
    {
        if (node is not JsonObject command)
        {
            errors.Add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
            return;
        }
        var type = command["type"] is null ? 1 : JsonRead.Int(command["type"]) ?? 0;
        if (type is < 1 or > 4)
            errors.Choices(Join(path, "type"), "(1, 2, 3, 4)");
        var chatInput = type == 1;
        CheckName(command["name"], Join(path, "name"), chatInput, errors);
        if (chatInput)
            errors.CheckLength(command["description"], Join(path, "description"), 1, 100, required: true);
        else if (JsonRead.Str(command["description"]) is { Length: > 0 })
            errors.Add(Join(path, "description"), "APPLICATION_COMMAND_DESCRIPTION_NOT_EMPTY", "Description must be empty for user and message commands.");
        CheckLocalizations(command["name_localizations"], Join(path, "name_localizations"), isName: true, chatInput, errors);
        CheckLocalizations(command["description_localizations"], Join(path, "description_localizations"), isName: false, chatInput, errors);
        if (command["options"] is JsonArray { Count: > 0 } && !chatInput)
            errors.Add(Join(path, "options"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Only chat input commands may have options.");
        else
            CommandOptionValidator.Check(command["options"], Join(path, "options"), 0, errors);
        if (command["default_member_permissions"] is { } permissions)
        {
            JsonRead.Bits(permissions, out var malformed);
            if (malformed)
                errors.Add(Join(path, "default_member_permissions"), "NUMBER_TYPE_COERCE", $"Value \"{permissions.ToJsonString()}\" is not int.");
        }
        foreach (var flag in new[] { "dm_permission", "nsfw" })
        {
            if (command[flag] is { } value && JsonRead.Bool(value) is null)
                errors.Add(Join(path, flag), "BASE_TYPE_BAD_TYPE", "Must be a boolean.");
        }
        if (Size(command) > MaxCommandSize)
            errors.Add(path, "APPLICATION_COMMAND_TOO_LARGE", $"Command exceeds maximum size ({MaxCommandSize})");
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static void CheckName(JsonNode? node, string path, bool chatInput, FormErrors errors)
    {
        errors.CheckLength(node, path, 1, 32, required: true);
        if (!chatInput || JsonRead.Str(node) is not { Length: > 0 } name)
            return;
        if (!ChatInputName().IsMatch(name))
            errors.Add(path, "APPLICATION_COMMAND_INVALID_NAME", $"Command name is invalid: \"{name}\" must match ^[-_'\\p{{L}}\\p{{N}}\\p{{sc=Deva}}\\p{{sc=Thai}}]{{1,32}}$");
        else if (name.Any(c => char.ToLowerInvariant(c) != c))
            errors.Add(path, "APPLICATION_COMMAND_INVALID_NAME", $"Command name is invalid: \"{name}\" must use the lowercase variant of its letters.");
    }

    /// <summary>Keys must be Discord locales; values follow the rules of the field they localize.</summary>
    public static void CheckLocalizations(JsonNode? node, string path, bool isName, bool chatInput, FormErrors errors)
    {
        if (node is null)
            return;
        if (node is not JsonObject map)
        {
            errors.Add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
            return;
        }
        foreach (var (locale, value) in map)
        {
            var at = $"{path}.{locale}";
            if (!Locales.Contains(locale))
                errors.Add(at, "BASE_TYPE_CHOICES", $"Value must be one of ({string.Join(", ", Locales)}).");
            else if (isName)
                CheckName(value, at, chatInput, errors);
            else
                errors.CheckLength(value, at, 1, 100, required: true);
        }
    }

    /// <summary>Characters of a text counted with its longest localization.</summary>
    public static int Longest(JsonNode? text, JsonNode? localizations)
    {
        var longest = JsonRead.Str(text)?.Length ?? 0;
        if (localizations is JsonObject map)
            longest = map.Select(p => JsonRead.Str(p.Value)?.Length ?? 0).Prepend(longest).Max();
        return longest;
    }

    private static int Size(JsonObject command) =>
        Longest(command["name"], command["name_localizations"])
        + Longest(command["description"], command["description_localizations"])
        + CommandOptionValidator.Size(command["options"]);

    public static string Text(JsonNode? value) => JsonRead.Str(value) ?? value?.ToJsonString() ?? "";

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
