using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;

namespace CrossCoaching.Pool;

/// <summary>
/// Accept and Decline on a proposal, pressed in a DM or on <c>/pair</c>'s view: only its two members may answer. A
/// decline puts the other back at the head of the line and runs the matching again, so they are matched anew. The
/// acceptance that completes a proposal forms the pair in the same transaction (<see cref="PoolPairing"/>).
/// </summary>
public sealed class ProposalButtons(
    PoolProposalRepository proposals,
    PoolEntryRepository entries,
    PoolPairing pairing,
    PoolWithdrawal withdrawal,
    PoolRole poolRole,
    PoolMatchmaker matchmaker,
    GuildLanguage languages,
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
        var otherName = Markdown.Name(NameOf(proposal.OtherThan(me), a, b, context));
        if (accept && await WithoutRoleAsync(context, proposal, a, b, server, cancellationToken) is { } refusal)
        {
            await UpdateAsync(context, refusal, cancellationToken);
            await matchmaker.RunAsync(proposal.GuildId, cancellationToken);
            return;
        }

        if (!accept)
        {
            var (declined, _) = await withdrawal.DeclineAsync(proposal, me, NameOf(me, a, b, context), server, notice: null, cancellationToken);
            await UpdateAsync(context, context.Text(declined == PoolAnswerOutcome.Declined ? ProposalTexts.YouDeclined : ProposalTexts.NoLongerOpen, otherName), cancellationToken);
            if (declined == PoolAnswerOutcome.Declined)
                await matchmaker.RunAsync(proposal.GuildId, cancellationToken);
            return;
        }

        PoolFormed? formed = null;
        var (outcome, _) = await proposals.AnswerAsync(proposal.Id, me, accept: true, time.GetUtcNow(), cancellationToken: cancellationToken, owe: async (work, result, p) =>
        {
            if (result == PoolAnswerOutcome.BothAccepted)
                formed = await pairing.FormAsync(work, p, server);
        });

        switch (outcome)
        {
            case PoolAnswerOutcome.WaitingForOther:
                await UpdateAsync(context, context.Text(ProposalTexts.WaitingForOther, otherName), cancellationToken);
                break;
            case PoolAnswerOutcome.BothAccepted when formed is not null:
                if (formed.Pair is { } pair)
                    await pairing.PlanFirstSessionAsync(pair, cancellationToken);
                await UpdateAsync(context, formed.Told(me, context.Lang), cancellationToken);
                break;
            default:
                await UpdateAsync(context, context.Text(ProposalTexts.NoLongerOpen), cancellationToken);
                break;
        }
    }

    /// <summary>
    /// When the pool is restricted to a role: whoever the pair would rest on (the member pressing, and the other if they
    /// accepted already) must still hold it. One who lost it is taken out of the proposal and of the pool, and told;
    /// returns what the member pressing is shown then, or null when both may go on.
    /// </summary>
    private async Task<string?> WithoutRoleAsync(
        InteractionContext context, PoolProposal proposal, PoolEntry? a, PoolEntry? b, Localization.Lang server, CancellationToken cancellationToken)
    {
        if (await poolRole.RequiredAsync(proposal.GuildId, cancellationToken) is not { } role)
            return null;
        var me = context.Interaction.User.Id;
        var other = proposal.OtherThan(me);
        var otherAccepted = (other == proposal.MemberA ? proposal.AnswerA : proposal.AnswerB) == true;
        foreach (var member in otherAccepted ? new[] { me, other } : [me])
        {
            var standing = await poolRole.CheckAsync(proposal.GuildId, role, member, cancellationToken);
            if (standing == PoolRoleStanding.Unknown)
                throw new UserErrorException(context.Text(ProposalTexts.RoleUnchecked));
            if (standing == PoolRoleStanding.Holds)
                continue;
            var (outcome, _) = await withdrawal.DeclineAsync(proposal, member, NameOf(member, a, b, context), server,
                notice: e => PoolLetters.RoleLost(e, e.LangOr(server)), cancellationToken);
            if (outcome != PoolAnswerOutcome.Declined)
                return context.Text(ProposalTexts.NoLongerOpen);
            return member == me ? context.Text(ProposalTexts.RoleLost) : context.Text(ProposalTexts.PartnerRoleLost, Markdown.Name(NameOf(other, a, b, context)));
        }

        return null;
    }

    private static string NameOf(Snowflake user, PoolEntry? a, PoolEntry? b, InteractionContext context) =>
        a?.UserId == user ? a.DisplayName : b?.UserId == user ? b.DisplayName
        : user == context.Interaction.User.Id ? context.Interaction.UserDisplayName : $"<@{user}>";

    private static Task UpdateAsync(InteractionContext context, string text, CancellationToken cancellationToken) =>
        context.UpdateMessageAsync(MessageSpec.Text(text) with { Components = [] }, cancellationToken);
}
