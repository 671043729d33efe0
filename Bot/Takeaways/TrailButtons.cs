using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;

namespace CrossCoaching.Takeaways;

/// <summary>Previous and Next under <c>/takeaways</c> (<c>trail:{pair}:{page}</c>): only a member of that pair may turn its pages.</summary>
public sealed class TrailButtons(TrailView view, PairRepository pairs) : IComponentHandler
{
    public string Prefix => TrailView.Prefix;

    public async Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var pair = id.LongArg(0) is { } pairId ? await pairs.GetAsync(pairId, cancellationToken) : null;
        if (pair is null || !pair.Has(me))
            throw new UserErrorException(context.Text(CommonTexts.NotForYou));
        var page = (int)Math.Min(id.LongArg(1) ?? 0, int.MaxValue);
        await context.UpdateMessageAsync(await view.RenderAsync(pair, me, page, context.Lang, cancellationToken), cancellationToken);
    }
}
