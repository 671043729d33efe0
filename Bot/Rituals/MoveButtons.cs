using System.Globalization;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Rituals;

/// <summary>
/// Accept / Decline of a <c>/ritual move</c> proposal, pressed by the partner who did not propose it: <c>move:accept:{id}</c>.
/// Strangers, the proposer, a second press and a press after the original slot are refused; the session stays.
/// </summary>
public sealed class MoveButtons(
    MoveProposals proposals,
    PairRepository pairs,
    RitualRepository rituals,
    SessionRepository sessions,
    SessionMover mover,
    Outbox outbox,
    SqliteConnectionFactory connections,
    GuildLanguage languages,
    TimeProvider time,
    ILogger<MoveButtons> logger) : IComponentHandler
{
    public const string IdPrefix = "move";

    public string Prefix => IdPrefix;

    public static ActionRow Buttons(long proposalId, Lang lang) => ActionRow.Of(
        new Button(ButtonStyle.Success, MoveTexts.Accept[lang], ComponentId.Create(IdPrefix, "accept", proposalId)),
        new Button(ButtonStyle.Secondary, MoveTexts.Decline[lang], ComponentId.Create(IdPrefix, "decline", proposalId)));

    public async Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var proposal = id.LongArg(1) is { } proposalId ? await proposals.GetAsync(proposalId, cancellationToken) : null;
        var pair = proposal is null ? null : await pairs.GetAsync(proposal.PairId, cancellationToken);
        var accept = id.Arg(0) == "accept";
        if (proposal is null || pair is null || !pair.Has(me) || id.Arg(0) is not ("accept" or "decline"))
            throw new UserErrorException(context.Text(CommonTexts.NotForYou));
        if (me == proposal.ProposedBy)
            throw new UserErrorException(context.Text(MoveTexts.ForYourPartner));
        if (proposal.Status != MoveStatus.Pending)
            throw new UserErrorException(context.Text(MoveTexts.Answered));
        var now = time.GetUtcNow();
        var session = await sessions.GetAsync(proposal.SessionId, cancellationToken);
        if (pair.Status != PairStatus.Active || proposal.HasLapsedAt(now) || session is not { Status: SessionStatus.Scheduled, RoomChannelId: null } ||
            session.SlotAt != proposal.OriginalSlot || (accept && proposal.ProposedSlot <= now))
            throw new UserErrorException(context.Text(MoveTexts.Lapsed));

        var lang = await languages.ForGuildAsync(pair.GuildId, cancellationToken);
        var (mine, partner) = (Markdown.Name(pair.NameOf(me)), Markdown.Name(pair.NameOf(proposal.ProposedBy)));
        var (from, to) = (Timestamps.Of(proposal.OriginalSlot), Timestamps.Of(proposal.ProposedSlot));
        var key = $"move:{proposal.Id.ToString(CultureInfo.InvariantCulture)}:answer";
        var moved = false;
        await using (await mover.LockAsync(session.Id, cancellationToken))
        {
            await using var work = await connections.BeginAsync(cancellationToken);
            if (!await proposals.AnswerAsync(work, proposal.Id, accept ? MoveStatus.Accepted : MoveStatus.Declined, now))
                throw new UserErrorException(context.Text(MoveTexts.Answered));
            if (accept)
            {
                var reminder = (await rituals.GetAsync(pair.Id, cancellationToken))?.ReminderMinutes ?? 0;
                if (!await mover.MoveAsync(work, session, proposal.ProposedSlot, reminder))
                    throw new UserErrorException(context.Text(MoveTexts.Lapsed));
                moved = true;
            }

            var told = accept ? MoveTexts.PartnerAccepted.Format(lang, mine, to, from) : MoveTexts.PartnerDeclined.Format(lang, mine, from);
            await outbox.EnqueueAsync(work, Letter.Dm(key, NoticeKinds.RitualChange, proposal.ProposedBy, MessageSpec.Text(told)));
            await work.CommitAsync(cancellationToken);
        }

        if (moved)
        {
            logger.LogInformation("Session {Session} of pair {Pair} moved from {From} to {To}", session.Id, pair.Id, proposal.OriginalSlot, proposal.ProposedSlot);
            await mover.RearmAsync(session.Id, cancellationToken);
        }

        var answer = accept ? context.Text(MoveTexts.YouAccepted, partner, to) : context.Text(MoveTexts.YouDeclined, partner, from);
        await context.UpdateMessageAsync(MessageSpec.Text(answer) with { Components = [] }, cancellationToken);
    }
}
