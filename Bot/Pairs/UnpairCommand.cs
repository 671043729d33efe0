using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;

namespace CrossCoaching.Pairs;

/// <summary><c>/unpair</c>: asks for confirmation with two buttons; <see cref="UnpairButtons"/> ends the pair.</summary>
public sealed class UnpairCommand(PairRepository pairs) : ISlashCommand
{
    public const string Prefix = "unpair";

    public CommandDefinition Definition { get; } = new(
        "unpair", PairTexts.UnpairDescription.En, [],
        NameLocalizations: Localizations.French("quitter-binôme"),
        DescriptionLocalizations: PairTexts.UnpairDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var pair = await pairs.FindCurrentAsync(context.GuildId, me, cancellationToken)
            ?? throw new UserErrorException(context.Text(PairTexts.NoPair));
        await context.ReplyAsync(new MessageSpec(
            context.Text(PairTexts.ConfirmUnpair, Markdown.Name(pair.NameOf(pair.PartnerOf(me)))), AllowedMentions.None,
            [ActionRow.Of(
                new Button(ButtonStyle.Danger, context.Text(PairTexts.ConfirmButton), ComponentId.Create(Prefix, "confirm", pair.Id)),
                new Button(ButtonStyle.Secondary, context.Text(PairTexts.CancelButton), ComponentId.Create(Prefix, "keep", pair.Id)))]),
            ephemeral: true, cancellationToken);
    }
}
