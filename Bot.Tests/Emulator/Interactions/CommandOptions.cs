using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>Checks a command call against the registered definition, as the Discord client would refuse to send it.</summary>
internal static class CommandOptions
{
    /// <summary>The option list the user fills: the command's, or its subcommand's (inside a group).</summary>
    public static JsonArray Navigate(JsonObject definition, string? group, string? subcommand)
    {
        var options = definition["options"] as JsonArray ?? [];
        if (group is not null)
            options = Child(options, group, 2, definition)["options"] as JsonArray ?? [];
        if (subcommand is not null)
            options = Child(options, subcommand, 1, definition)["options"] as JsonArray ?? [];
        if (options.Any(o => JsonRead.Int(o?["type"]) is 1 or 2))
            throw new InvalidOperationException($"/{definition["name"]} needs a {(group is null && options.Any(o => JsonRead.Int(o?["type"]) == 2) ? "subcommand group" : "subcommand")}.");
        return options;
    }

    private static JsonObject Child(JsonArray options, string name, int type, JsonObject definition) =>
        options.OfType<JsonObject>().FirstOrDefault(o => JsonRead.Str(o["name"]) == name && JsonRead.Int(o["type"]) == type)
        ?? throw new InvalidOperationException($"/{definition["name"]} has no {(type == 2 ? "subcommand group" : "subcommand")} '{name}'.");

    /// <summary>Checks names, types, required options and choices; returns the focused option's type (3 if none).</summary>
    public static int CheckArgs(World world, JsonArray registered, CommandCall call)
    {
        var focusedType = 3;
        foreach (var arg in call.Options)
        {
            var option = registered.OfType<JsonObject>().FirstOrDefault(o => JsonRead.Str(o["name"]) == arg.Name)
                ?? throw new InvalidOperationException($"/{call.Command} has no option '{arg.Name}'.");
            var type = JsonRead.Int(option["type"]) ?? 0;
            if (arg.Name == call.Focused)
            {
                if (JsonRead.Bool(option["autocomplete"]) != true)
                    throw new InvalidOperationException($"Option '{arg.Name}' of /{call.Command} does not use autocomplete.");
                focusedType = type;
                continue;
            }
            if (type != arg.Type && !(type == 9 && arg.Type is 6 or 8))
                throw new InvalidOperationException($"Option '{arg.Name}' of /{call.Command} is of type {type}, not {arg.Type}.");
            CheckValue(world, option, arg, call.Command);
        }
        if (call.Focused is null)
        {
            foreach (var required in registered.OfType<JsonObject>().Where(o => JsonRead.Bool(o["required"]) == true))
            {
                if (call.Options.All(a => a.Name != JsonRead.Str(required["name"])))
                    throw new InvalidOperationException($"/{call.Command} requires option '{required["name"]}'.");
            }
        }
        else if (call.Options.All(a => a.Name != call.Focused))
        {
            throw new InvalidOperationException($"The focused option '{call.Focused}' needs its partial value in Options.");
        }
        return focusedType;
    }

    private static void CheckValue(World world, JsonObject option, CommandArg arg, string command)
    {
        if (option["choices"] is JsonArray { Count: > 0 } choices && !choices.Any(c => JsonNode.DeepEquals(c?["value"], arg.Value)))
            throw new InvalidOperationException($"'{arg.Value.ToJsonString()}' is not a choice of option '{arg.Name}' of /{command}.");
        if (arg.Type == 3 && JsonRead.Str(arg.Value) is { } text
            && (text.Length < (JsonRead.Int(option["min_length"]) ?? 0) || text.Length > (JsonRead.Int(option["max_length"]) ?? 6000)))
            throw new InvalidOperationException($"'{text}' does not fit the length limits of option '{arg.Name}' of /{command}.");
        if (arg.Type == 7 && option["channel_types"] is JsonArray types && arg.Id is { } id
            && world.Channels.TryGetValue(id, out var target) && !types.Any(t => JsonRead.Int(t) == (int)target.Type))
            throw new InvalidOperationException($"{target} is not of a type option '{arg.Name}' of /{command} accepts.");
        if (arg.Type == 6 && arg.Id is { } userId && !world.Users.ContainsKey(userId))
            throw new InvalidOperationException($"User {userId} does not exist in the emulator.");
    }
}
