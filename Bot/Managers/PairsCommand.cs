using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;

namespace CrossCoaching.Managers;

/// <summary>
/// <c>/coaching pairs</c>: the server's pairs with their health, five to a page, each with an "End" button. Only the
/// manager who ran it sees the list (ephemeral); <see cref="SetupCommand"/> checked Manage Server before handing it here.
/// </summary>
public sealed class PairsCommand(PairsPageReader pages) : ICoachingSubcommand
{
    public CommandOption Definition { get; } = new(
        CommandOptionType.SubCommand, "pairs", ManagersTexts.PairsDescription.En,
        NameLocalizations: Localizations.French("binômes"), DescriptionLocalizations: ManagersTexts.PairsDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var page = await pages.ReadAsync(context.GuildId, 0, cancellationToken);
        await context.ReplyAsync(PairsView.List(page, context.Interaction.User.Id, context.Lang), ephemeral: true, cancellationToken);
    }
}
