using System.Text.Json;
using System.Text.Json.Serialization;
using CrossCoaching.Discord;

namespace CrossCoaching.Messaging;

/// <summary>
/// The whole <see cref="MessageSpec"/> as stored in the outbox: every field, files included (as base64), so that a
/// field added later travels through the outbox without anyone picking it by hand.
/// </summary>
public static class LetterJson
{
    public static string Write(MessageSpec spec) => JsonSerializer.Serialize(spec, LetterJsonContext.Default.MessageSpec);

    public static MessageSpec Read(string json)
    {
        var spec = JsonSerializer.Deserialize(json, LetterJsonContext.Default.MessageSpec) ?? throw new JsonException("An outbox payload is empty");
        // "Pings nobody" reads back as the one instance the rest of the code compares against.
        return spec.Mentions.Users.Count == 0 ? spec with { Mentions = AllowedMentions.None } : spec;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MessageSpec))]
internal sealed partial class LetterJsonContext : JsonSerializerContext;
