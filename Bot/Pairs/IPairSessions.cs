namespace CrossCoaching.Pairs;

/// <summary>
/// A pair's sessions, as the end of a pair needs them. Sessions implements it, so that ending a pair (unpair, forget,
/// a round's "stop") does not reach into how sessions end.
/// </summary>
public interface IPairSessions
{
    /// <summary>Cancels the pair's sessions to come and closes one that is open (its room goes; the trail stays).</summary>
    Task EndAllAsync(long pairId, CancellationToken cancellationToken = default);
}
