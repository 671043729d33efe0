using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Managers;

/// <summary>
/// The buttons of <c>/coaching pairs</c>: Previous/Next, "End" (which asks first), and its Confirm/Cancel. Each press
/// reads the pair again, so a list that went out of date (the pair ended by its partners or another manager) gets a
/// short word and the list as it is now, never a second ending.
/// </summary>
public sealed class PairsButtons(
    PairsPageReader pages,
    PairRepository pairs,
    PairEnding ending,
    GuildLanguage languages,
    IGuildCache cache,
    ILogger<PairsButtons> logger) : IComponentHandler
{
    public string Prefix => PairsView.Prefix;

    public async Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default)
    {
        var i = context.Interaction;
        if (id.Arg(1) != i.User.Id.ToString())
            throw new UserErrorException(context.Text(CommonTexts.NotForYou));
        // The permission may have been taken away since the list was shown.
        if (!i.MemberPermissions.HasFlag(Permissions.ManageGuild) && !i.MemberPermissions.HasFlag(Permissions.Administrator))
            throw new UserErrorException(context.Text(SetupTexts.ManagersOnly));

        switch (id.Arg(0))
        {
            case "prev" or "next" or "back":
                await ShowAsync(context, id.LongArg(2) ?? 0, null, cancellationToken);
                break;
            case "end" when await CurrentPairAsync(context, id.LongArg(2), cancellationToken) is { } pair:
                await context.UpdateMessageAsync(PairsView.Confirm(pair, i.User.Id, id.LongArg(3) ?? 0, context.Lang), cancellationToken);
                break;
            case "confirm" when await CurrentPairAsync(context, id.LongArg(2), cancellationToken) is { } pair:
                await EndAsync(context, pair, id.LongArg(3) ?? 0, cancellationToken);
                break;
            case "end" or "confirm":
                await ShowAsync(context, id.LongArg(3) ?? 0, context.Text(ManagersTexts.AlreadyEnded), cancellationToken);
                break;
            default:
                throw new UserErrorException(context.Text(CommonTexts.NoLongerAvailable));
        }
    }

    /// <summary>The pair of this server, if it has not ended.</summary>
    private async Task<Pair?> CurrentPairAsync(InteractionContext context, long? pairId, CancellationToken cancellationToken) =>
        pairId is { } id && await pairs.GetAsync(id, cancellationToken) is { Status: not PairStatus.Ended } pair && pair.GuildId == context.GuildId ? pair : null;

    private async Task EndAsync(InteractionContext context, Pair pair, long from, CancellationToken cancellationToken)
    {
        var lang = await languages.ForGuildAsync(pair.GuildId, cancellationToken);
        var server = cache.GetGuild(pair.GuildId)?.Name is { } name ? Markdown.Name(name) : ManagersTexts.TheServer[lang];
        var letters = pair.Members.Select(member => Letter.Dm($"pair:{pair.Id}:ended-by-manager:{member}", NoticeKinds.EndedByManager, member,
            MessageSpec.Text(ManagersTexts.EndedByManager.Format(lang, server, Markdown.Name(pair.NameOf(pair.PartnerOf(member)))))));
        if (!await ending.EndAsync(pair, "ended-by-manager", [.. letters], cancellationToken))
        {
            await ShowAsync(context, from, context.Text(ManagersTexts.AlreadyEnded), cancellationToken);
            return;
        }

        logger.LogInformation("Pair {Pair} of guild {Guild} ended by manager {User}", pair.Id, pair.GuildId, context.Interaction.User.Id);
        var (a, b) = PairsView.Names(pair, context.Lang);
        await ShowAsync(context, from, context.Text(ManagersTexts.Ended, a, b), cancellationToken);
    }

    private async Task ShowAsync(InteractionContext context, long from, string? notice, CancellationToken cancellationToken)
    {
        var page = await pages.ReadAsync(context.GuildId, from, cancellationToken);
        await context.UpdateMessageAsync(PairsView.List(page, context.Interaction.User.Id, context.Lang, notice), cancellationToken);
    }
}
