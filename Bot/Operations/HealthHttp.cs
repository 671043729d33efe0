using System.Globalization;
using System.Text;

namespace CrossCoaching.Operations;

/// <summary>The request line of a health request: all the endpoint reads of it.</summary>
public sealed record HealthRequest(string Method, string Path);

/// <summary>
/// Just enough HTTP/1.1 for a probe: read the request line and headers (bounded), answer with a status, a short text
/// body and <c>Connection: close</c>.
/// </summary>
public static class HealthHttp
{
    /// <summary>A probe's request is a few hundred bytes; anything longer is not one.</summary>
    private const int MaxRequest = 8 * 1024;

    /// <returns>The request, or null when it is not HTTP or too long.</returns>
    public static async Task<HealthRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequest];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
                break;
            read += n;
            if (buffer.AsSpan(0, read).IndexOf("\r\n\r\n"u8) >= 0)
                break;
        }

        var text = Encoding.ASCII.GetString(buffer, 0, read);
        var lineEnd = text.IndexOf("\r\n", StringComparison.Ordinal);
        if (lineEnd < 0)
            return null;
        var parts = text[..lineEnd].Split(' ');
        if (parts is not [var method, var target, var version] || !version.StartsWith("HTTP/1.", StringComparison.Ordinal))
            return null;
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return new HealthRequest(method, query < 0 ? target : target[..query]);
    }

    public static async Task WriteResponseAsync(Stream stream, int status, string? text, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(text is null ? "" : text + "\n");
        var reason = status switch { 200 => "OK", 400 => "Bad Request", 404 => "Not Found", 405 => "Method Not Allowed", _ => "Service Unavailable" };
        var head = string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
