using System.Net.Http;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// When a failed attempt is tried again. 5xx answers mean Discord did not do the work, so they are retried on every
/// route. A lost answer (timeout, broken connection) may hide work done, so it is retried only where repeating cannot
/// do anything twice (<see cref="RestRoute.RetryAfterTimeout"/>), or when the request surely never left (no connection).
/// 4xx answers other than 429 are final; 429s are waits, not failures.
/// </summary>
internal static class RetryPolicy
{
    /// <summary>Attempts in all, for 5xx answers and lost answers alike.</summary>
    public const int MaxAttempts = 3;

    /// <summary>Consecutive 429s on one request before giving up; a guard against a loop, Discord normally lets us through.</summary>
    public const int MaxRateLimited = 10;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>0.5 s, 1 s, 2 s… after the first, second, third failure, ±20 % so that retries do not arrive in step.</summary>
    public static TimeSpan Backoff(int failures)
    {
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return FirstDelay * Math.Pow(2, failures - 1) * jitter;
    }

    /// <summary>A timeout or network error, as opposed to the caller cancelling or a bug.</summary>
    public static bool IsLostAnswer(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException => true,
        IOException => true,
        _ => false,
    };

    /// <summary>False only when the request cannot have reached Discord: the connection was never made.</summary>
    public static bool MayHaveBeenProcessed(Exception exception) =>
        exception is not HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError,
        };
}
