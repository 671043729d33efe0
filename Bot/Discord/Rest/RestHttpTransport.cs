using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// The HTTP side of a call: one long-lived <see cref="HttpClient"/>, the headers Discord requires, one attempt per
/// <see cref="SendAsync"/>. Waiting and retrying are <see cref="RestRequestExecutor"/>'s job.
/// </summary>
internal sealed class RestHttpTransport : IDisposable
{
    /// <summary>Discord.Net and discord.js use the same; a request taking longer is treated as lost.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    /// <summary><c>DiscordBot ($url, $versionNumber)</c>, as https://discord.com/developers/docs/reference#user-agent asks.</summary>
    public static string UserAgent { get; } = $"DiscordBot (https://github.com/crosscoaching/crosscoaching, {Version()})";

    private readonly HttpClient _client;
    private readonly string? _token;

    public RestHttpTransport(IOptions<DiscordOptions> options)
        : this(options.Value, CreateHandler())
    {
    }

    internal RestHttpTransport(DiscordOptions options, HttpMessageHandler handler)
    {
        _token = options.Token;
        _client = new HttpClient(handler, disposeHandler: true) { BaseAddress = options.ApiBaseUri, Timeout = RequestTimeout };
        _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
    }

    public async Task<RestResponse> SendAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var route = request.Route;
        using var message = new HttpRequestMessage(route.Method, new Uri(route.Path, UriKind.Relative));
        message.Content = request.Content?.Invoke();
        // Interaction routes carry their credential in the URL; the bot token has no business there.
        if (route.UsesBotToken)
            message.Headers.Authorization = new AuthenticationHeaderValue("Bot", _token);
        if (!string.IsNullOrWhiteSpace(request.AuditReason))
            message.Headers.TryAddWithoutValidation("X-Audit-Log-Reason", Uri.EscapeDataString(request.AuditReason));

        using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new RestResponse((int)response.StatusCode, body, RateLimitHeaders.Read(response));
    }

    public void Dispose() => _client.Dispose();

    private static SocketsHttpHandler CreateHandler() => new()
    {
        // Renew connections now and then so that DNS changes on Discord's side are picked up.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
    };

    private static string Version() =>
        typeof(RestHttpTransport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
