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

    // Enough for any body the bot sends; a cap all the same, since the body is Discord's and not ours.
    private const int MaxFieldErrors = 50;

    public static DiscordApiException Decode(RestRoute route, RestResponse response)
    {
        var error = TryRead(response.Body);
        var message = string.IsNullOrWhiteSpace(error?.Message) ? $"HTTP {response.Status}" : error.Message;
        var fields = new List<(DiscordFieldError Field, string Text)>();
        if (error?.Errors is { ValueKind: JsonValueKind.Object } errors)
            Collect(errors, "", fields);
        if (fields.Count > 0)
            message = $"{message} ({string.Join("; ", fields.Take(MaxDetails).Select(f => $"{f.Field.Path}: {f.Text}"))})";
        return new DiscordApiException(response.Status, error?.Code, message, route.Template, [.. fields.Select(f => f.Field)]);
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

    /// <summary>
    /// Walks <c>{"data":{"components":{"0":{"_errors":[{code,message}]}}}}</c> into ("data.components.0", code) and
    /// its message.
    /// </summary>
    private static void Collect(JsonElement node, string path, List<(DiscordFieldError Field, string Text)> fields)
    {
        foreach (var property in node.EnumerateObject())
        {
            if (fields.Count >= MaxFieldErrors)
                return;
            if (property.NameEquals("_errors") && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object || fields.Count >= MaxFieldErrors)
                        continue;
                    var code = item.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
                    var text = item.TryGetProperty("message", out var m) ? m.ToString() : code;
                    fields.Add((new DiscordFieldError(path.Length == 0 ? "body" : path, code), text));
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Collect(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", fields);
            }
        }
    }
}
