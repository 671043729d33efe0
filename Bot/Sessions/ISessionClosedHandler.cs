using CrossCoaching.Pairs;

namespace CrossCoaching.Sessions;

/// <summary>Reacts to a session that just closed (its outcome is stored): rounds, takeaway reveal deadlines.</summary>
public interface ISessionClosedHandler
{
    Task OnClosedAsync(Session session, Pair pair, CancellationToken cancellationToken = default);
}
