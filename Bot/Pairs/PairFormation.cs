using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Pairs;

/// <summary>Answers to an invitation: a pair formed (and the members' other invitations withdrawn), or a refusal.</summary>
public sealed class PairFormation(
    PairRepository pairs, InvitationRepository invitations, Messaging.Outbox outbox, IOptions<PairOptions> options, TimeProvider time, ILogger<PairFormation> logger)
{
    /// <param name="viaCommand">True when the invitee ran <c>/pair</c> on their inviter instead of pressing Accept.</param>
    public async Task AcceptAsync(InteractionContext context, Invitation invitation, string inviteeName, bool viaCommand, CancellationToken cancellationToken)
    {
        var (result, pair) = await pairs.CreateFromInvitationAsync(invitation, invitation.InviterName, inviteeName, time.GetUtcNow(), cancellationToken);
        switch (result)
        {
            case PairCreation.Created:
                var formed = MessageSpec.Text(context.Text(PairTexts.Accepted, Markdown.Name(pair!.NameA), Markdown.Name(pair.NameB))) with { Components = [] };
                if (viaCommand)
                {
                    await context.ReplyAsync(formed, ephemeral: false, cancellationToken);
                    await EditAsync(invitation, formed, cancellationToken);
                }
                else
                {
                    await context.UpdateMessageAsync(formed, cancellationToken);
                }

                await WithdrawOthersAsync(pair, context.Lang, cancellationToken);
                logger.LogInformation("Pair {Pair} formed in guild {Guild}", pair.Id, pair.GuildId);
                return;
            case PairCreation.AlreadyPaired:
                await invitations.CloseAsync(invitation.Id, InvitationStatus.Cancelled, time.GetUtcNow(), cancellationToken);
                await EditAsync(invitation, Withdrawn(context.Lang), cancellationToken);
                throw new UserErrorException(context.Text(PairTexts.Withdrawn));
            default:
                throw new UserErrorException(context.Text(PairTexts.NoLongerOpen));
        }
    }

    /// <summary>
    /// Forms a pair both members agreed to outside an invitation (the matching pool) in the caller's transaction, and
    /// withdraws their other invitations as an accepted one would (their edits owed in that transaction too); null when
    /// one of them got paired meanwhile.
    /// </summary>
    public async Task<Pair?> FormAsync(
        Storage.DbWork work, Snowflake guildId, (Snowflake Id, string Name) a, (Snowflake Id, string Name) b, Snowflake? homeChannel, Lang lang)
    {
        var now = time.GetUtcNow();
        var (result, pair) = await pairs.CreateAsync(work, guildId, a, b, homeChannel, now);
        if (result != PairCreation.Created || pair is null)
            return null;
        foreach (var other in await invitations.CancelPendingInvolvingAsync(work, guildId, pair.Members, now))
            if (other.MessageId is { } messageId)
                await outbox.EnqueueAsync(work, EditLetter(other, messageId, Withdrawn(lang)));
        work.AfterCommit(() => logger.LogInformation("Pair {Pair} formed from the matching pool in guild {Guild}", pair.Id, pair.GuildId));
        return pair;
    }

    public async Task DeclineAsync(InteractionContext context, Invitation invitation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await invitations.CloseAsync(invitation.Id, InvitationStatus.Declined, now, cancellationToken))
            throw new UserErrorException(context.Text(PairTexts.NoLongerOpen));
        var (invitee, inviter) = (Markdown.Name(context.Interaction.UserDisplayName), Markdown.Name(invitation.InviterName));
        var text = options.Value.DeclineCooldownHours > 0
            ? context.Text(PairTexts.DeclinedWithCooldown, invitee, inviter, Timestamps.Of(now.AddHours(options.Value.DeclineCooldownHours), 'R'))
            : context.Text(PairTexts.Declined, invitee, inviter);
        await context.UpdateMessageAsync(MessageSpec.Text(text) with { Components = [] }, cancellationToken);
    }

    /// <summary>
    /// Through the outbox, one row per invitation message holding its newest text: an outage or a restart does not leave
    /// live buttons on an invitation that is over. A message gone or out of reach is refused and logged by the outbox.
    /// </summary>
    public async Task EditAsync(Invitation invitation, MessageSpec message, CancellationToken cancellationToken)
    {
        if (invitation.MessageId is not { } messageId)
            return;
        await outbox.EnqueueAsync(EditLetter(invitation, messageId, message), cancellationToken);
    }

    private static Messaging.Letter EditLetter(Invitation invitation, Snowflake messageId, MessageSpec message) =>
        Messaging.Letter.EditOf($"invitation:{invitation.Id}", "invitation-edit", invitation.ChannelId, messageId, message with { Components = [] });

    public static MessageSpec Withdrawn(Lang lang) => MessageSpec.Text(PairTexts.Withdrawn[lang]) with { Components = [] };

    private async Task WithdrawOthersAsync(Pair pair, Lang lang, CancellationToken cancellationToken)
    {
        foreach (var other in await invitations.ListPendingInvolvingAsync(pair.GuildId, pair.Members, cancellationToken))
        {
            if (await invitations.CloseAsync(other.Id, InvitationStatus.Cancelled, time.GetUtcNow(), cancellationToken))
                await EditAsync(other, Withdrawn(lang), cancellationToken);
        }
    }
}
