using CrossCoaching.Discord;

namespace CrossCoaching.Takeaways;

/// <summary>How a delivery treats what Discord did: a refusal is final, an outage is worth another try later.</summary>
internal static class DiscordFailures
{
    public static bool IsDiscordFailure(Exception e) => e is DiscordApiException or DiscordUnavailableException or HttpRequestException or TimeoutException;

    /// <summary>A 4xx refusal (missing permission, deleted channel) will not change by retrying; rate limits and 5xx may.</summary>
    public static bool IsFinal(Exception e) => e is DiscordApiException { Status: >= 400 and < 500 and not 429 };
}
