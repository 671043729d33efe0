using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Builds the nested <c>errors</c> object of a 50035 answer: each path segment is a key (array indexes as strings), and
/// each invalid field holds <c>_errors: [{code, message}]</c>.
/// </summary>
internal sealed class FormErrors
{
    private readonly JsonObject root = [];

    public bool Any => root.Count > 0;

    public FormErrors Add(string path, string code, string message)
    {
        var node = root;
        if (path.Length > 0)
        {
            foreach (var segment in path.Split('.'))
            {
                if (node[segment] is not JsonObject next)
                    node[segment] = next = [];
                node = next;
            }
        }
        if (node["_errors"] is not JsonArray errors)
            node["_errors"] = errors = [];
        errors.Add(new JsonObject { ["code"] = code, ["message"] = message });
        return this;
    }

    public FormErrors MaxLength(string path, int max) => Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");

    public FormErrors Length(string path, int min, int max) => Add(path, "BASE_TYPE_BAD_LENGTH", $"Must be between {min} and {max} in length.");

    public FormErrors Required(string path) => Add(path, "BASE_TYPE_REQUIRED", "This field is required");

    public FormErrors Choices(string path, string allowed) => Add(path, "BASE_TYPE_CHOICES", $"Value must be one of {allowed}.");

    /// <summary>Checks a string's length in code points between min and max; missing counts as length 0 unless required.</summary>
    public void CheckLength(JsonNode? node, string path, int min, int max, bool required)
    {
        if (node is null)
        {
            if (required)
                Required(path);
            return;
        }
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            Add(path, "BASE_TYPE_STRING", "Must be a string.");
            return;
        }
        var length = text.EnumerateRunes().Count();
        if (length < min || length > max)
        {
            if (min == 0)
                MaxLength(path, max);
            else
                Length(path, min, max);
        }
    }

    public JsonObject ToJson() => (JsonObject)root.DeepClone();

    public void ThrowIfAny()
    {
        if (Any)
            throw DiscordError.Form(this);
    }
}
