namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// What a shard must remember to resume: the session id and resume URL from READY and the last sequence number.
/// Written on the receive loop; the sequence is also read by the heartbeat, hence the interlocked access.
/// </summary>
internal sealed class GatewaySessionState
{
    private long _sequence = -1;
    private volatile bool _connected;

    public string? SessionId { get; private set; }

    /// <summary><c>resume_gateway_url</c> with the version and encoding query already added.</summary>
    public Uri? ResumeUrl { get; private set; }

    public DiscordUser? User { get; private set; }

    public Snowflake? ApplicationId { get; private set; }

    /// <summary>The last sequence number of a dispatch, or null before any.</summary>
    public long? Sequence => Interlocked.Read(ref _sequence) is var s and >= 0 ? s : null;

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    /// <summary>READY or RESUMED arrived on the current connection, which has not ended since (read by the health check).</summary>
    public bool Connected => _connected;

    public void Resumed() => _connected = true;

    public void Disconnected() => _connected = false;

    public void Track(long sequence) => Interlocked.Exchange(ref _sequence, sequence);

    public void Ready(string sessionId, Uri resumeUrl, DiscordUser user, Snowflake applicationId)
    {
        (SessionId, ResumeUrl, User, ApplicationId) = (sessionId, resumeUrl, user, applicationId);
        _connected = true;
    }

    /// <summary>Forgets the session (the next connection identifies). The user and application stay known.</summary>
    public void Forget()
    {
        (SessionId, ResumeUrl) = (null, null);
        Interlocked.Exchange(ref _sequence, -1);
    }
}
