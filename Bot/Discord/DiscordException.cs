namespace CrossCoaching.Discord;

/// <summary>
/// Whatever Discord did to a request that did not succeed: a refusal (<see cref="DiscordApiException"/>) or no answer
/// (<see cref="DiscordUnavailableException"/>). The REST client turns network errors and timeouts into the latter, so a
/// feature catches this one type to mean "Discord failed", and never the HTTP stack's own exceptions.
/// </summary>
public abstract class DiscordException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>
    /// True when retrying cannot help: a 4xx refusal (missing permission, deleted channel). Rate limits, 5xx and
    /// outages may pass.
    /// </summary>
    public virtual bool IsFinal => false;
}
