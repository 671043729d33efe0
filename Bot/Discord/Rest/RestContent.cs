using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// Request bodies: JSON, or multipart/form-data when files go along
/// (https://discord.com/developers/docs/reference#uploading-files): the JSON in a <c>payload_json</c> part, the files in
/// <c>files[0]</c>, <c>files[1]</c>…, matched to the <c>attachments</c> metadata by index.
/// </summary>
internal static class RestContent
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>A factory, because a retried request needs a fresh body.</summary>
    public static Func<HttpContent> For<T>(T body, JsonTypeInfo<T> type, IReadOnlyList<FileAttachment>? files = null)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, type);
        return files is { Count: > 0 } ? () => Multipart(json, files) : () => JsonBody(json);
    }

    /// <summary>A body already serialized, sent as is.</summary>
    public static Func<HttpContent> For(byte[] json) => () => JsonBody(json);

    private static ByteArrayContent JsonBody(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = Json;
        return content;
    }

    private static MultipartFormDataContent Multipart(byte[] json, IReadOnlyList<FileAttachment> files)
    {
        var multipart = new MultipartFormDataContent { { JsonBody(json), "payload_json" } };
        for (var i = 0; i < files.Count; i++)
        {
            var file = new ReadOnlyMemoryContent(files[i].Content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(files[i].ContentType);
            multipart.Add(file, string.Create(CultureInfo.InvariantCulture, $"files[{i}]"), files[i].FileName);
        }
        return multipart;
    }
}
