using CrossCoaching.Discord.Interactions;
using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using CrossCoaching.GuildSettings;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Pairs;

/// <summary>
/// The confirmation of <c>/unpair</c>: ends the pair, cancels its future sessions, closes a room that is open, keeps
/// the trail, and tells the partner (<see cref="PairEnding"/>).
/// </summary>
public sealed class UnpairButtons(
    PairRepository pairs,
    PairEnding ending,
    GuildLanguage languages,
    ILogger<UnpairButtons> logger) : IComponentHandler
{
    public string Prefix => UnpairCommand.Prefix;

    public async Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var pair = id.LongArg(1) is { } pairId ? await pairs.GetAsync(pairId, cancellationToken) : null;
        if (pair is null || !pair.Has(me))
            throw new UserErrorException(context.Text(CommonTexts.NotForYou));
        if (id.Arg(0) != "confirm")
        {
            await context.UpdateMessageAsync(MessageSpec.Text(context.Text(PairTexts.UnpairKept)) with { Components = [] }, cancellationToken);
            return;
        }

        var partner = pair.PartnerOf(me);
        var lang = await languages.ForGuildAsync(pair.GuildId, cancellationToken);
        var told = Letter.Dm($"pair:{pair.Id}:unpaired", NoticeKinds.Unpaired, partner,
            MessageSpec.Text(PairTexts.PartnerUnpaired.Format(lang, Markdown.Name(pair.NameOf(me)))));
        if (!await ending.EndAsync(pair, "unpaired", [told], cancellationToken))
            throw new UserErrorException(context.Text(PairTexts.NoPair));
        logger.LogInformation("Pair {Pair} ended by {User}", pair.Id, me);
        await context.UpdateMessageAsync(MessageSpec.Text(context.Text(PairTexts.Unpaired, Markdown.Name(pair.NameOf(partner)))) with { Components = [] }, cancellationToken);
    }
}
