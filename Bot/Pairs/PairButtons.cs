using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;

namespace CrossCoaching.Pairs;

/// <summary>Accept and Decline on an invitation, for the invited member only; Withdraw, for the inviter only.</summary>
public sealed class PairButtons(InvitationRepository invitations, PairFormation formation, TimeProvider time) : IComponentHandler
{
    public string Prefix => PairCommand.Prefix;

    public async Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default)
    {
        var invitation = id.LongArg(1) is { } invitationId ? await invitations.GetAsync(invitationId, cancellationToken) : null;
        if (invitation is null)
            throw new UserErrorException(context.Text(PairTexts.NoLongerOpen));
        if (id.Arg(0) == "withdraw")
        {
            await WithdrawAsync(context, invitation, cancellationToken);
            return;
        }

        if (context.Interaction.User.Id != invitation.InviteeId)
            throw new UserErrorException(context.Text(PairTexts.OnlyInvitee, $"<@{invitation.InviteeId}>"));
        if (!invitation.IsOpenAt(time.GetUtcNow()))
        {
            await context.UpdateMessageAsync(
                Discord.MessageSpec.Text(context.Text(PairTexts.ExpiredMessage, Markdown.Name(invitation.InviterName), $"<@{invitation.InviteeId}>")) with { Components = [] },
                cancellationToken);
            return;
        }

        if (id.Arg(0) == "accept")
            await formation.AcceptAsync(context, invitation, context.Interaction.UserDisplayName, viaCommand: false, cancellationToken);
        else
            await formation.DeclineAsync(context, invitation, cancellationToken);
    }

    private async Task WithdrawAsync(InteractionContext context, Invitation invitation, CancellationToken cancellationToken)
    {
        if (context.Interaction.User.Id != invitation.InviterId)
            throw new UserErrorException(context.Text(PairTexts.OnlyInviter, Markdown.Name(invitation.InviterName)));
        if (!await invitations.CloseAsync(invitation.Id, InvitationStatus.Cancelled, time.GetUtcNow(), cancellationToken))
            throw new UserErrorException(context.Text(PairTexts.NoLongerOpen));
        await context.UpdateMessageAsync(
            Discord.MessageSpec.Text(context.Text(PairTexts.WithdrawnByInviter, Markdown.Name(invitation.InviterName), $"<@{invitation.InviteeId}>")) with { Components = [] },
            cancellationToken);
    }
}
