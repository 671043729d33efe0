using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;

namespace CrossCoaching.Progress;

/// <summary>
/// <c>/ritual rounds</c>: undoes "Keep going, stop asking". Either partner may run it (the choice was either's too);
/// the question then comes back at the end of the round in progress, and the other partner is told.
/// </summary>
public sealed class RitualRounds(PairRepository pairs, QuietRounds quiet, RoundKeeper keeper, PairNotices notices) : IRitualSubcommand
{
    public CommandOption Definition { get; } = new(CommandOptionType.SubCommand, "rounds", ProgressTexts.RoundsDescription.En,
        NameLocalizations: Localizations.French("cycles"), DescriptionLocalizations: ProgressTexts.RoundsDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var pair = await pairs.RequireActiveAsync(context, cancellationToken);
        if (!await quiet.AskAgainAsync(pair.Id, cancellationToken))
            throw new UserErrorException(context.Text(ProgressTexts.AlreadyAsking));

        var state = await keeper.StateAsync(pair, cancellationToken);
        await context.ReplyAsync(context.Text(ProgressTexts.AskingAgain, pair.RoundNumber, state.Progress.Done, state.Progress.Length), ephemeral: true, cancellationToken);
        await notices.TellPartnerAsync(pair, me, lang => ProgressTexts.PartnerAsksAgain.Format(lang, Markdown.Name(pair.NameOf(me)), pair.RoundNumber), cancellationToken);
    }
}
