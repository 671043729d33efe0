using System.Globalization;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// The rate-limit headers of a response (https://discord.com/developers/docs/topics/rate-limits#header-format).
/// We use <c>Reset-After</c> (relative) rather than <c>Reset</c> (epoch) so that a skewed local clock does not matter.
/// </summary>
internal sealed record RateLimitHeaders(
    string? Bucket,
    int? Remaining,
    TimeSpan? ResetAfter,
    bool Global,
    TimeSpan? RetryAfter)
{
    public static RateLimitHeaders None { get; } = new(null, null, null, false, null);

    public static RateLimitHeaders Read(HttpResponseMessage response)
    {
        var headers = response.Headers;
        return new(
            Single(headers, "X-RateLimit-Bucket"),
            int.TryParse(Single(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining) ? remaining : null,
            Seconds(Single(headers, "X-RateLimit-Reset-After")),
            string.Equals(Single(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
            headers.RetryAfter?.Delta ?? Seconds(Single(headers, "Retry-After")));
    }

    private static string? Single(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < 1e7
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
