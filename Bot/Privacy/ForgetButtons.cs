using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Takeaways;

namespace CrossCoaching.Privacy;

/// <summary>The confirmation of <c>/me forget</c> (<c>me:forget:{user}</c>, <c>me:keep:{user}</c>): only that member may press it.</summary>
public sealed class ForgetButtons(Forgetting forgetting) : IComponentHandler
{
    public string Prefix => MeCommand.Prefix;

    public async Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        if (id.LongArg(1) is not { } owner || owner != (long)me.Value)
            throw new UserErrorException(context.Text(CommonTexts.NotForYou));
        if (id.Arg(0) != "forget")
        {
            await context.UpdateMessageAsync(MessageSpec.Text(context.Text(PrivacyTexts.Kept)) with { Components = [] }, cancellationToken);
            return;
        }

        var outcome = await forgetting.ForgetAsync(context.GuildId, me, cancellationToken);
        var erased = outcome.Erased;
        var report = context.Text(PrivacyTexts.Forgotten, erased.Takeaways, erased.Stays, erased.RoundAnswers, erased.Invitations, erased.Pairs);
        if (outcome.EndedPair is { } pair)
            report += "\n" + context.Text(PrivacyTexts.ForgottenPair, Markdown.Name(pair.NameOf(pair.PartnerOf(me))));
        report += "\n" + context.Text(PrivacyTexts.ForgottenElsewhere);
        await context.UpdateMessageAsync(MessageSpec.Text(report) with { Components = [] }, cancellationToken);
        await forgetting.TellDiscordAsync(outcome, me, cancellationToken);
    }
}
