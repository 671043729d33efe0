using CrossCoaching.Discord.Interactions;

namespace CrossCoaching.Takeaways;

/// <summary><c>/takeaways</c>: the reader's pair's trail (or their last pair's), newest first, in pages.</summary>
public sealed class TrailCommand(TrailView view) : ISlashCommand
{
    public CommandDefinition Definition { get; } = new(
        "takeaways", TakeawayTexts.TrailDescription.En, [],
        NameLocalizations: Localizations.French("enseignements"),
        DescriptionLocalizations: TakeawayTexts.TrailDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var pair = await view.PairOfAsync(context.GuildId, me, cancellationToken) ?? throw new UserErrorException(context.Text(TrailTexts.NoTrail));
        await context.ReplyAsync(await view.RenderAsync(pair, me, 0, context.Lang, cancellationToken), ephemeral: true, cancellationToken);
    }
}
