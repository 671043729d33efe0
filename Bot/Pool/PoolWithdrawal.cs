using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using CrossCoaching.Storage;

namespace CrossCoaching.Pool;

/// <summary>
/// A member out of a pending proposal (they declined, left the pool, or lost the pool's role) and out of the pool:
/// each change written in one transaction with the messages it owes.
/// </summary>
public sealed class PoolWithdrawal(
    SqliteConnectionFactory connections, PoolProposalRepository proposals, PoolEntryRepository entries, Outbox outbox, TimeProvider time)
{
    /// <summary>
    /// Closes the proposal as declined by <paramref name="member"/>: the other goes back to the head of the line and is
    /// told. With <paramref name="notice"/>, the member's entry leaves the pool too, and they are told what it returns (if anything).
    /// </summary>
    /// <param name="name">The member's name as the other member is told it.</param>
    public Task<(PoolAnswerOutcome Outcome, PoolProposal? Proposal)> DeclineAsync(
        PoolProposal proposal, Snowflake member, string name, Lang server, Func<PoolEntry, Letter?>? notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return proposals.AnswerAsync(proposal.Id, member, accept: false, time.GetUtcNow(), cancellationToken: cancellationToken, owe: async (work, result, p) =>
        {
            if (result != PoolAnswerOutcome.Declined)
                return;
            if (await entries.GetAsync(work, p.GuildId, p.OtherThan(member)) is { } other)
                await outbox.EnqueueAsync(work, PoolLetters.Answer(p, "declined", other, other.LangOr(server),
                    ProposalTexts.BackInLine.Format(other.LangOr(server), Markdown.Name(name))));
            if (notice is not null)
                await LeaveAsync(work, p.GuildId, member, notice);
        });
    }

    /// <summary>Takes a member waiting without a proposal out of the pool, and tells them with <paramref name="notice"/> (if any).</summary>
    public async Task RemoveAsync(Snowflake guildId, Snowflake member, Func<PoolEntry, Letter?>? notice, CancellationToken cancellationToken)
    {
        await using var work = await connections.BeginAsync(cancellationToken);
        await LeaveAsync(work, guildId, member, notice);
        await work.CommitAsync(cancellationToken);
    }

    private async Task LeaveAsync(DbWork work, Snowflake guildId, Snowflake member, Func<PoolEntry, Letter?>? notice)
    {
        var entry = await entries.GetAsync(work, guildId, member);
        if (entry is not null && await PoolEntryRepository.RemoveAsync(work, guildId, member) && notice?.Invoke(entry) is { } letter)
            await outbox.EnqueueAsync(work, letter);
    }
}
