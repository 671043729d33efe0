using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Checks an upload as Discord reads one (https://discord.com/developers/docs/reference#uploading-files): a multipart
/// body carries its JSON in <c>payload_json</c> and its files in <c>files[n]</c>, and each <c>attachments</c> entry
/// names one of those files by its n (or an attachment the message already has, by its snowflake). A new entry
/// with no file behind it is refused as Discord refuses it: 50035, <c>ATTACHMENT_NOT_FOUND</c> "Attachment data not
/// found" (seen in the wild: https://github.com/Cogmasters/concord/issues/78).
/// <para>
/// Discord also reads loose form fields (<c>content</c>…) beside the files; the bot never sends them, so here a
/// multipart body without <c>payload_json</c> is refused rather than read as an empty message.
/// </para>
/// </summary>
internal static class UploadValidator
{
    /// <summary>An attachment's description (alt text) is at most 1024 characters.</summary>
    public const int MaxDescription = 1024;

    /// <summary>Below this an id cannot be a snowflake (its timestamp bits are zero): it names a files[n] part.</summary>
    private const long SmallestSnowflake = 1L << 22;

    public static void Check(RequestBody body, JsonNode? json)
    {
        var files = body.Files();
        if (body.IsMultipart)
        {
            if (!body.Parts.Any(p => p.Name == "payload_json" && p.FileName is null))
                throw DiscordError.Form("payload_json", "BASE_TYPE_REQUIRED", "This field is required");
            var errors = new FormErrors();
            foreach (var file in files.Where(f => f.Index is < 0 or > 9))
                errors.Add("files", "BASE_TYPE_BAD_INDEX", $"File part \"{file.FileName}\" is not files[0] to files[9].");
            foreach (var twice in files.GroupBy(f => f.Index).Where(g => g.Count() > 1))
                errors.Add($"files.{twice.Key}", "BASE_TYPE_DUPLICATE", "Each files[n] may be sent once.");
            errors.ThrowIfAny();
        }

        // A message's attachments sit at the top; an interaction callback's inside its data.
        var (attachments, path) = json is JsonObject { } root && root.ContainsKey("type") && root["data"] is JsonObject data
            ? (data["attachments"], "data.attachments")
            : ((json as JsonObject)?["attachments"], "attachments");
        if (attachments is not JsonArray list)
            return;
        var problems = new FormErrors();
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{path}.{i}";
            if (list[i] is not JsonObject entry)
            {
                problems.Add(at, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }
            if (entry["id"] is null)
            {
                problems.Required($"{at}.id");
                continue;
            }
            if (!long.TryParse(entry["id"]!.ToString(), out var id))
                problems.Add($"{at}.id", "NUMBER_TYPE_COERCE", $"Value \"{entry["id"]}\" is not snowflake.");
            else if (id < SmallestSnowflake && !files.Any(f => f.Index == id))
                problems.Add(at, "ATTACHMENT_NOT_FOUND", "Attachment data not found");
            problems.CheckLength(entry["description"], $"{at}.description", 0, MaxDescription, required: false);
        }
        problems.ThrowIfAny();
    }
}
