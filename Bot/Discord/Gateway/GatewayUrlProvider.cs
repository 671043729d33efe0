using System.Web;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// Where to open a new session, and whether the IDENTIFY budget allows it now: <c>GET /gateway/bot</c> is read before
/// every IDENTIFY, for its <c>session_start_limit</c>, even when <c>Discord__GatewayUrl</c> sets the URL
/// (https://discord.com/developers/docs/events/gateway#get-gateway-bot). Resuming needs neither.
/// </summary>
public sealed class GatewayUrlProvider(IDiscordApi api, IOptions<DiscordOptions> options)
{
    public const int ApiVersion = 10;

    public async Task<(Uri Url, GatewayInfo Info)> ForIdentifyAsync(CancellationToken cancellationToken = default)
    {
        var info = await api.GetGatewayBotAsync(cancellationToken);
        var configured = options.Value.GatewayUrl;
        return (WithQuery(string.IsNullOrWhiteSpace(configured) ? info.Url : new Uri(configured)), info);
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
