using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Rituals;

/// <summary><c>/ritual skip</c>: the next occurrence is skipped (announced, so the streak is kept); the partner is told.</summary>
public sealed class RitualSkip(PairRepository pairs, SessionSkipper skipper) : IRitualSubcommand
{
    public CommandOption Definition { get; } = new(CommandOptionType.SubCommand, "skip", RitualTexts.SkipDescription.En,
        NameLocalizations: Localizations.French("passer"), DescriptionLocalizations: RitualTexts.SkipDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var pair = await pairs.RequireActiveAsync(context, cancellationToken);
        var text = await skipper.SkipNextAsync(pair, context.Interaction.User.Id, sessionId: null, context.Lang, cancellationToken);
        await context.ReplyAsync(text, ephemeral: true, cancellationToken);
    }
}
