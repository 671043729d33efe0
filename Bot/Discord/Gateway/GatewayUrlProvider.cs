using System.Web;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// Where to open a new session: <c>Discord__GatewayUrl</c> when set, else the URL of <c>GET /gateway/bot</c>, fetched once
/// per process and again only after a failed fetch (https://discord.com/developers/docs/events/gateway#connecting).
/// </summary>
public sealed class GatewayUrlProvider(IDiscordApi api, IOptions<DiscordOptions> options)
{
    public const int ApiVersion = 10;

    private Uri? _fetched;

    public async Task<Uri> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.GatewayUrl))
            return WithQuery(new Uri(options.Value.GatewayUrl));
        if (Volatile.Read(ref _fetched) is { } known)
            return known;
        var info = await api.GetGatewayBotAsync(cancellationToken);
        var url = WithQuery(info.Url);
        Volatile.Write(ref _fetched, url);
        return url;
    }

    /// <summary>
    /// Adds <c>v=10&amp;encoding=json</c>, replacing any version, encoding or compression already there (this client
    /// speaks uncompressed JSON only) and keeping other parameters. Used for resume URLs too, as the docs require.
    /// </summary>
    public static Uri WithQuery(Uri url)
    {
        var query = HttpUtility.ParseQueryString(url.Query);
        foreach (var key in new[] { "v", "encoding", "compress" })
            query.Remove(key);
        query["v"] = ApiVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        query["encoding"] = "json";
        var builder = new UriBuilder(url) { Query = query.ToString() };
        if (builder.Path.Length == 0)
            builder.Path = "/";
        return builder.Uri;
    }
}
