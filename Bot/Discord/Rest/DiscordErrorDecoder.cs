using System.Text.Json;
using CrossCoaching.Discord.Wire;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// Turns a refusal into <see cref="DiscordApiException"/>: Discord's JSON <c>{code, message, errors?}</c>
/// (https://discord.com/developers/docs/reference#error-messages), with the per-field errors of a 50035 appended so
/// that the log says which field was wrong. Bodies that are not Discord's JSON (a proxy's HTML page) are not copied.
/// </summary>
internal static class DiscordErrorDecoder
{
    private const int MaxDetails = 5;

    public static DiscordApiException Decode(RestRoute route, RestResponse response)
    {
        var error = TryRead(response.Body);
        var message = string.IsNullOrWhiteSpace(error?.Message) ? $"HTTP {response.Status}" : error.Message;
        var details = new List<string>();
        if (error?.Errors is { ValueKind: JsonValueKind.Object } errors)
            Collect(errors, "", details);
        if (details.Count > 0)
            message = $"{message} ({string.Join("; ", details)})";
        return new DiscordApiException(response.Status, error?.Code, message, route.Template);
    }

    private static RestError? TryRead(byte[] body)
    {
        try
        {
            return body.Length > 0 ? JsonSerializer.Deserialize(body, RestJsonContext.Default.RestError) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Walks <c>{"data":{"components":{"0":{"_errors":[{code,message}]}}}}</c> into "data.components.0: message".</summary>
    private static void Collect(JsonElement node, string path, List<string> details)
    {
        foreach (var property in node.EnumerateObject())
        {
            if (details.Count >= MaxDetails)
                return;
            if (property.NameEquals("_errors") && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("message", out var text) && details.Count < MaxDetails)
                        details.Add($"{(path.Length == 0 ? "body" : path)}: {text}");
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Collect(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", details);
            }
        }
    }
}
