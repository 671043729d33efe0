using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace CrossCoaching.Tests.Discord.Rest.Support;

/// <summary>Discord's answers, as the stub sends them.</summary>
internal static class Reply
{
    public static HttpResponseMessage Json(string json, int status = 200) =>
        new((HttpStatusCode)status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage NoContent() => new(HttpStatusCode.NoContent);

    public static HttpResponseMessage Message(string id = "900", string channel = "500") =>
        Json($$"""{"id":"{{id}}","channel_id":"{{channel}}","content":"x"}""");

    public static HttpResponseMessage Error(int status, int code, string message = "Refused") =>
        Json($$"""{"code":{{code}},"message":"{{message}}"}""", status);

    public static HttpResponseMessage ServerError(int status) =>
        new((HttpStatusCode)status) { Content = new StringContent("<html>bad gateway</html>", Encoding.UTF8, "text/html") };

    public static HttpResponseMessage RateLimited(double retryAfter, bool global = false)
    {
        var seconds = retryAfter.ToString(CultureInfo.InvariantCulture);
        var response = Json($$"""{"message":"You are being rate limited.","retry_after":{{seconds}},"global":{{(global ? "true" : "false")}}}""", 429);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(Math.Ceiling(retryAfter)));
        if (global)
            response.Headers.TryAddWithoutValidation("X-RateLimit-Global", "true");
        return response;
    }

    /// <summary>Adds the bucket headers Discord sends on every answer.</summary>
    public static HttpResponseMessage WithLimits(this HttpResponseMessage response, string bucket, int remaining, double resetAfter, int limit = 5)
    {
        response.Headers.TryAddWithoutValidation("X-RateLimit-Bucket", bucket);
        response.Headers.TryAddWithoutValidation("X-RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture));
        response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", remaining.ToString(CultureInfo.InvariantCulture));
        response.Headers.TryAddWithoutValidation("X-RateLimit-Reset-After", resetAfter.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    /// <summary>What HttpClient throws when its timeout elapses.</summary>
    public static HttpResponseMessage Timeout(RecordedRequest request) =>
        throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 15 seconds elapsing.", new TimeoutException());

    /// <summary>A connection Discord never accepted: the request cannot have been processed.</summary>
    public static HttpResponseMessage ConnectionRefused(RecordedRequest request) =>
        throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (discord.test:443)");
}
