using CrossCoaching.Discord.Interactions;

namespace CrossCoaching.Pairs;

public static class PairLookup
{
    /// <summary>The invoker's active pair in this guild, or a clear refusal (no pair, or a suspended one).</summary>
    public static async Task<Pair> RequireActiveAsync(this PairRepository pairs, InteractionContext context, CancellationToken cancellationToken = default)
    {
        var pair = await pairs.FindCurrentAsync(context.GuildId, context.Interaction.User.Id, cancellationToken)
            ?? throw new UserErrorException(context.Text(PairTexts.NoPair));
        return pair.Status == PairStatus.Active ? pair : throw new UserErrorException(context.Text(PairTexts.Suspended));
    }
}
