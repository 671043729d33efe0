using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// A request body read once, before the world's lock is taken: JSON, or multipart with <c>payload_json</c> and
/// <c>files[n]</c> (https://discord.com/developers/docs/reference#uploading-files).
/// </summary>
internal sealed record RequestBody(string? Text, string? MediaType, IReadOnlyList<MultipartPart> Parts, bool Empty)
{
    public bool IsJson => MediaType == "application/json";

    public bool IsMultipart => MediaType == "multipart/form-data";

    public static async Task<RequestBody> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        if (buffer.Length == 0)
            return new RequestBody(null, mediaType, [], Empty: true);
        if (mediaType == "multipart/form-data" && parsed!.Boundary.Value is { } boundary)
        {
            buffer.Position = 0;
            var parts = await ReadPartsAsync(HeaderUtilities.RemoveQuotes(boundary).Value!, buffer);
            var payload = parts.FirstOrDefault(p => p.Name == "payload_json" && p.FileName is null);
            return new RequestBody(payload is null ? null : Encoding.UTF8.GetString(payload.Content), mediaType, parts, Empty: false);
        }
        return new RequestBody(Encoding.UTF8.GetString(buffer.ToArray()), mediaType, [], Empty: false);
    }

    private static async Task<List<MultipartPart>> ReadPartsAsync(string boundary, Stream stream)
    {
        var parts = new List<MultipartPart>();
        var reader = new MultipartReader(boundary, stream);
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            _ = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content);
            var fileName = disposition?.FileNameStar.Value ?? HeaderUtilities.RemoveQuotes(disposition?.FileName ?? default).Value;
            parts.Add(new MultipartPart(
                HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value ?? "",
                string.IsNullOrEmpty(fileName) ? null : fileName,
                section.ContentType,
                content.ToArray()));
        }
        return parts;
    }

    /// <summary>The parsed JSON, after the Content-Type check Discord makes.</summary>
    public JsonNode? Json()
    {
        if (Empty)
            return null;
        if (!IsJson && !IsMultipart)
        {
            throw DiscordError.Form("", "CONTENT_TYPE_INVALID",
                "Expected \"Content-Type\" header to be one of {'application/json', 'multipart/form-data'}.");
        }
        if (Text is null)
            return null;
        try
        {
            return JsonNode.Parse(Text);
        }
        catch (System.Text.Json.JsonException)
        {
            throw DiscordError.BadRequest(50109);
        }
    }

    public IReadOnlyList<UploadedFile> Files() =>
        Parts.Where(p => p.FileName is not null && p.Name.StartsWith("files[", StringComparison.Ordinal) && p.Name.EndsWith(']'))
            .Select(p => new UploadedFile(int.TryParse(p.Name[6..^1], out var index) ? index : -1, p.FileName!, p.ContentType, p.Content))
            .ToList();
}
