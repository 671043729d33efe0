using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>Strict readers of request JSON: a wrong type reads as null, and the caller reports the field.</summary>
internal static class JsonRead
{
    public static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>An integral JSON number, whether parsed from text or built from a CLR value.</summary>
    public static long? Long(JsonNode? node) =>
        IsNumber(node) && long.TryParse(node!.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null;

    public static int? Int(JsonNode? node) => Long(node) is { } l and >= int.MinValue and <= int.MaxValue ? (int)l : null;

    public static bool? Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    /// <summary>An id: a string of digits (the documented form) or a JSON number.</summary>
    public static Snowflake? Id(JsonNode? node)
    {
        if (Str(node) is { } text)
            return Snowflake.TryParse(text, out var id) ? id : null;
        return IsNumber(node) && ulong.TryParse(node!.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? new Snowflake(n)
            : null;
    }

    /// <summary>
    /// A permission bit set: a decimal string (documented) or an integer ("Our API accepts strings for int fields if they
    /// are parseable as ints", and the spec types bitsets as integers). Null when absent or malformed.
    /// </summary>
    public static Perms? Bits(JsonNode? node, out bool malformed)
    {
        malformed = false;
        if (node is null)
            return null;
        if (Str(node) is { } text && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            return (Perms)parsed;
        if (IsNumber(node) && ulong.TryParse(node.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return (Perms)number;
        malformed = true;
        return null;
    }

    public static JsonObject? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
