using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// The components of a MODAL_SUBMIT as Discord echoes them: <c>{type:18, id, component:{type:4, id, custom_id, value}}</c>
/// for a Label, <c>{type:1, id, components:[{type:4, id, custom_id, value}]}</c> for a legacy action row. Components
/// without an id get sequential ones, as Discord assigns them.
/// </summary>
internal static class ModalSubmission
{
    public static JsonArray Components(JsonObject modal, IReadOnlyDictionary<string, string> values)
    {
        var nextId = 1;
        var known = new HashSet<string>(StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var component in (modal["components"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = JsonRead.Int(component["id"]) ?? nextId;
            nextId = Math.Max(nextId, id) + 1;
            switch (JsonRead.Int(component["type"]))
            {
                case 18 when component["component"] is JsonObject input && JsonRead.Int(input["type"]) == 4:
                    result.Add(new JsonObject { ["type"] = 18, ["id"] = id, ["component"] = Input(input, values, known, ref nextId) });
                    break;
                case 1 when component["components"] is JsonArray { Count: 1 } row && row[0] is JsonObject legacy:
                    result.Add(new JsonObject { ["type"] = 1, ["id"] = id, ["components"] = new JsonArray(Input(legacy, values, known, ref nextId)) });
                    break;
                case 10:
                    result.Add(new JsonObject { ["type"] = 10, ["id"] = id });
                    break;
            }
        }
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            throw new InvalidOperationException($"The modal has no text input '{unknown}'.");
        return result;
    }

    private static JsonObject Input(JsonObject input, IReadOnlyDictionary<string, string> values, HashSet<string> known, ref int nextId)
    {
        var customId = JsonRead.Str(input["custom_id"]) ?? "";
        known.Add(customId);
        var value = values.TryGetValue(customId, out var given) ? given : JsonRead.Str(input["value"]) ?? "";
        var required = JsonRead.Bool(input["required"]) ?? true;
        if (required && value.Length == 0)
            throw new InvalidOperationException($"Text input '{customId}' is required.");
        var min = JsonRead.Int(input["min_length"]) ?? 0;
        var max = JsonRead.Int(input["max_length"]) ?? 4000;
        if (value.Length > 0 && (value.Length < min || value.Length > max))
            throw new InvalidOperationException($"'{value}' does not fit text input '{customId}' ({min}–{max} characters).");
        var id = JsonRead.Int(input["id"]) ?? nextId;
        nextId = Math.Max(nextId, id) + 1;
        return new JsonObject { ["type"] = 4, ["id"] = id, ["custom_id"] = customId, ["value"] = value };
    }
}
