namespace CrossCoaching.Discord.Rest;

/// <summary>Who a route answers to: the bot token, or the interaction token inside the URL.</summary>
internal enum RouteKind
{
    /// <summary>Authenticated with <c>Authorization: Bot …</c> and counted against the global limit.</summary>
    Bot,

    /// <summary><c>POST /interactions/{id}/{token}/callback</c>: no auth header, outside the global limit.</summary>
    InteractionCallback,

    /// <summary><c>/webhooks/{app}/{token}…</c>: the token is the credential, outside the global limit.</summary>
    InteractionWebhook,
}

/// <summary>
/// One call: its URL path (relative to the API base), its template for logs, errors and bucket keys, and its major
/// parameter (https://discord.com/developers/docs/topics/rate-limits: limits apply per route and per top-level resource).
/// </summary>
/// <param name="Template">Method and path with ids and tokens replaced, e.g. <c>POST /guilds/{guild}/channels</c>. Safe to log.</param>
/// <param name="Path">The real path; it may hold an interaction token, so it is never logged.</param>
/// <param name="MajorParameter">The channel, guild, or webhook id + token the limits are counted per; empty when none.</param>
/// <param name="RetryAfterTimeout">Whether a request may be sent again when its answer was lost: true when repeating
/// it cannot do anything twice.</param>
/// <param name="RetryServerErrors">Whether a 5xx answer is retried here. False where the caller must look first whether
/// Discord did the work anyway (a proxy's 502 or 504 can come after it did) because repeating it would do it twice.</param>
internal sealed record RestRoute(
    HttpMethod Method,
    string Template,
    string Path,
    string MajorParameter,
    RouteKind Kind,
    bool RetryAfterTimeout,
    bool RetryServerErrors = true)
{
    public bool UsesBotToken => Kind == RouteKind.Bot;

    /// <summary>Interaction endpoints are not bound to the global limit (receiving-and-responding "Endpoints").</summary>
    public bool ExemptFromGlobalLimit => Kind != RouteKind.Bot;

    public override string ToString() => Template;
}
