using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Messaging;

namespace CrossCoaching.Pool;

/// <summary>
/// Accept and Decline on a proposal, pressed in a DM or on <c>/pair</c>'s view: only its two members may answer. A
/// decline puts the other back at the head of the line and runs the matching again, so they are matched anew.
/// </summary>
public sealed class ProposalButtons(
    PoolProposalRepository proposals,
    PoolEntryRepository entries,
    PoolPairing pairing,
    PoolMatchmaker matchmaker,
    GuildLanguage languages,
    Outbox outbox,
    TimeProvider time) : IComponentHandler
{
    public const string Prefix = "poolmatch";

    string IComponentHandler.Prefix => Prefix;

    public async Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var proposal = id.LongArg(1) is { } proposalId ? await proposals.GetAsync(proposalId, cancellationToken) : null;
        if (proposal is null)
            throw new UserErrorException(context.Text(ProposalTexts.NoLongerOpen));
        if (!proposal.Involves(me))
            throw new UserErrorException(context.Text(ProposalTexts.OnlyMembers, $"<@{proposal.MemberA}>", $"<@{proposal.MemberB}>"));

        var (a, b) = (await entries.GetAsync(proposal.GuildId, proposal.MemberA, cancellationToken), await entries.GetAsync(proposal.GuildId, proposal.MemberB, cancellationToken));
        var server = await languages.ForGuildAsync(proposal.GuildId, cancellationToken);
        var accept = id.Arg(0) == "accept";
        var (outcome, answered) = await proposals.AnswerAsync(proposal.Id, me, accept, time.GetUtcNow(), cancellationToken: cancellationToken, owe: async (work, result, p) =>
        {
            // The one declined is told in the same transaction that puts them back in line.
            if (result == PoolAnswerOutcome.Declined && (p.OtherThan(me) == p.MemberA ? a : b) is { } other)
                await outbox.EnqueueAsync(work, PoolLetters.Answer(p, "declined", other, other.LangOr(server),
                    ProposalTexts.BackInLine.Format(other.LangOr(server), Markdown.Name(NameOf(me, a, b, context)))));
        });

        var otherName = Markdown.Name(NameOf(proposal.OtherThan(me), a, b, context));
        switch (outcome)
        {
            case PoolAnswerOutcome.WaitingForOther:
                await UpdateAsync(context, context.Text(ProposalTexts.WaitingForOther, otherName), cancellationToken);
                break;
            case PoolAnswerOutcome.Declined:
                await UpdateAsync(context, context.Text(ProposalTexts.YouDeclined, otherName), cancellationToken);
                await matchmaker.RunAsync(proposal.GuildId, cancellationToken);
                break;
            case PoolAnswerOutcome.BothAccepted when a is not null && b is not null:
                await UpdateAsync(context, await pairing.FormAsync(answered!, a, b, me, server, context.Lang, cancellationToken), cancellationToken);
                break;
            default:
                await UpdateAsync(context, context.Text(ProposalTexts.NoLongerOpen), cancellationToken);
                break;
        }
    }

    private static string NameOf(Snowflake user, PoolEntry? a, PoolEntry? b, InteractionContext context) =>
        a?.UserId == user ? a.DisplayName : b?.UserId == user ? b.DisplayName
        : user == context.Interaction.User.Id ? context.Interaction.UserDisplayName : $"<@{user}>";

    private static Task UpdateAsync(InteractionContext context, string text, CancellationToken cancellationToken) =>
        context.UpdateMessageAsync(MessageSpec.Text(text) with { Components = [] }, cancellationToken);
}
