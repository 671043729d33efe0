namespace CrossCoaching.Discord.Rest;

/// <summary>
/// The channel the instances sharing a database tell each other about a global 429 on (<see cref="GlobalPauseChannel"/>):
/// a notice is a short text, heard by every listener, the sender's own included.
/// </summary>
public interface IGlobalPauseNotices
{
    /// <summary>Whether other instances may share the database (PostgreSQL); alone there is no one to tell.</summary>
    bool Shared { get; }

    /// <summary>Sends a notice to every listener.</summary>
    Task SendAsync(string notice, CancellationToken cancellationToken = default);

    /// <summary>
    /// Listens until <paramref name="cancellationToken"/> ends it, handing each notice to <paramref name="heard"/>;
    /// <paramref name="listening"/> runs once notices are being received. Throws when the channel is lost.
    /// </summary>
    Task ListenAsync(Action<string> heard, Action listening, CancellationToken cancellationToken);
}
