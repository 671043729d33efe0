namespace CrossCoaching.Discord.Rest;

/// <summary>
/// A call to make. <paramref name="Content"/> builds a fresh body for each attempt (an <see cref="HttpContent"/> can be
/// sent only once). <paramref name="AuditReason"/> shows in the guild's audit log.
/// </summary>
internal sealed record RestRequest(RestRoute Route, Func<HttpContent>? Content = null, string? AuditReason = null);

/// <summary>A response as read off the wire: status, body and the rate-limit headers.</summary>
internal sealed record RestResponse(int Status, byte[] Body, RateLimitHeaders Limits);
