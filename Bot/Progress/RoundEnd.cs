using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Progress;

/// <summary>After a ritual session closes: if it completed the round, both partners are asked whether to go on.</summary>
public sealed class RoundEnd(PairRepository pairs, RoundKeeper keeper, ILogger<RoundEnd> logger) : ISessionClosedHandler
{
    public async Task OnClosedAsync(Session session, Pair pair, CancellationToken cancellationToken = default)
    {
        if (session.Kind != SessionKind.Ritual)
            return;
        try
        {
            // Read again: the pair given may predate a round that moved on.
            if (await pairs.GetAsync(pair.Id, cancellationToken) is { Status: PairStatus.Active } current)
                await keeper.AskIfOverAsync(await keeper.StateAsync(current, cancellationToken), cancellationToken);
        }
        catch (DiscordException e)
        {
            // The session is closed whatever happens here; the round reconciler asks again on its next pass.
            logger.LogWarning("Could not ask pair {Pair} about their next round yet: {Reason}", pair.Id, e.Message);
        }
    }
}
