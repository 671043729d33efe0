namespace CrossCoaching.Discord.Rest;

/// <summary>
/// Remembers that Discord rejected the bot token (HTTP 401). A rejected token stays rejected: every further request
/// would be another 401, and Discord bans an IP for a while after 10,000 invalid requests in 10 minutes
/// (https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans). So later
/// requests with the token are refused here, unsent, and the bot is stopped (<paramref name="onRejected"/>, once).
/// </summary>
internal sealed class TokenRejection(Action? onRejected = null)
{
    private int _rejected;

    public bool IsRejected => Volatile.Read(ref _rejected) != 0;

    public void Reject()
    {
        if (Interlocked.Exchange(ref _rejected, 1) == 0)
            onRejected?.Invoke();
    }
}
