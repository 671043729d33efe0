using CrossCoaching.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>
/// Finishes moves that a crash interrupted between their commit and the replacement of their triggers: the old
/// triggers would otherwise stay armed at the original slot (the step job would not run them early, but the steps at
/// an earlier moved slot would wait for the periodic pass).
/// </summary>
public sealed class MovedSessionsReconciler(SessionMoveRepository moves, SessionMover mover, ILogger<MovedSessionsReconciler> logger) : IReconcilable
{
    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        foreach (var move in await moves.ListUnarmedAsync(cancellationToken))
        {
            try
            {
                await mover.RearmAsync(move.SessionId, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not re-arm moved session {Session} ({Reason}); the next pass retries", move.SessionId, e.Message);
            }
        }
    }
}
