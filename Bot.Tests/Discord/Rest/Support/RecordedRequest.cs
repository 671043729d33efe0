using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CrossCoaching.Tests.Discord.Rest.Support;

/// <summary>What the client sent, read before the request is disposed.</summary>
internal sealed record RecordedRequest(
    string Method,
    Uri Uri,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public static async Task<RecordedRequest> ReadAsync(HttpRequestMessage request, Uri baseUri, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.NonValidated)
            headers[name] = values.ToString();
        byte[] body = [];
        if (request.Content is { } content)
        {
            foreach (var (name, values) in content.Headers.NonValidated)
                headers[name] = values.ToString();
            body = await content.ReadAsByteArrayAsync(cancellationToken);
        }
        var uri = request.RequestUri ?? throw new InvalidOperationException("No request URI.");
        var path = uri.AbsolutePath.StartsWith(baseUri.AbsolutePath, StringComparison.Ordinal)
            ? uri.AbsolutePath[baseUri.AbsolutePath.Length..]
            : uri.AbsolutePath;
        return new RecordedRequest(request.Method.Method, uri, path, headers, request.Content?.Headers.ContentType?.MediaType, body);
    }

    /// <summary>The parts of a multipart/form-data body, parsed as a server would.</summary>
    public async Task<IReadOnlyList<FormPart>> ReadPartsAsync()
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(Headers["Content-Type"]).Boundary).Value
            ?? throw new InvalidOperationException("No multipart boundary.");
        var reader = new MultipartReader(boundary, new MemoryStream(Body));
        var parts = new List<FormPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var bytes = new MemoryStream();
            await section.Body.CopyToAsync(bytes);
            parts.Add(new FormPart(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "",
                HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value,
                section.ContentType,
                bytes.ToArray()));
        }
        return parts;
    }
}

internal sealed record FormPart(string Name, string? FileName, string? ContentType, byte[] Content)
{
    public string Text => Encoding.UTF8.GetString(Content);
}
