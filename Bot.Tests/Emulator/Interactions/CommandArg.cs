using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>An option value a user gives to a slash command, typed as Discord sends it.</summary>
public sealed record CommandArg(string Name, int Type, JsonNode Value)
{
    public static CommandArg String(string name, string value) => new(name, 3, JsonValue.Create(value));

    public static CommandArg Integer(string name, long value) => new(name, 4, JsonValue.Create(value));

    public static CommandArg Boolean(string name, bool value) => new(name, 5, JsonValue.Create(value));

    public static CommandArg User(string name, Snowflake user) => new(name, 6, JsonValue.Create(user.ToString()));

    public static CommandArg Channel(string name, Snowflake channel) => new(name, 7, JsonValue.Create(channel.ToString()));

    public static CommandArg Role(string name, Snowflake role) => new(name, 8, JsonValue.Create(role.ToString()));

    public static CommandArg Number(string name, double value) => new(name, 10, JsonValue.Create(value));

    internal Snowflake? Id => Type is 6 or 7 or 8 or 9 ? JsonRead.Id(Value) : null;

    internal JsonObject ToJson(bool focused = false)
    {
        var json = new JsonObject { ["name"] = Name, ["type"] = Type, ["value"] = Value.DeepClone() };
        if (focused)
            json["focused"] = true;
        return json;
    }
}
