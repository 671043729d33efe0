using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Hosting;
using CrossCoaching.Messaging;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Pool;

/// <summary>
/// A matching run for a guild when a member joins, after a proposal falls through and on the guild's schedule:
/// <see cref="PoolMatching"/> with, for each proposal, the two messages it owes written in the same transaction.
/// </summary>
public sealed class PoolMatchmaker(
    PoolMatching matching,
    PoolEntryRepository entries,
    GuildSettingsRepository settings,
    GuildLanguage languages,
    Guilds.GuildGate gate,
    PoolRole poolRole,
    PoolWithdrawal withdrawal,
    Outbox outbox,
    IOptions<SessionOptions> sessions,
    IClusterLocks locks,
    ILogger<PoolMatchmaker> logger)
{
    public async Task<IReadOnlyList<PoolProposal>> RunAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        // A closed pool proposes nothing; nor does a server in an outage or that removed the bot (no DM about a server
        // the members can no longer reach).
        if (!(await settings.GetAsync(guildId, cancellationToken)).PoolOpen || await gate.HoldsAsync(guildId, cancellationToken))
            return [];
        var minutes = sessions.Value.DefaultDurationMinutes;
        var role = await poolRole.RequiredAsync(guildId, cancellationToken);
        var lang = await languages.ForGuildAsync(guildId, cancellationToken);
        // Runs are one at a time per guild, on every instance: the proposals' insert guards against a member holding two,
        // and this keeps two runs from each reading the same waiting list in the first place.
        await using (await locks.AcquireAsync(LockScope.PoolGuild, (long)guildId.Value, cancellationToken))
        {
            var made = await matching.RunAsync(guildId, TimeSpan.FromMinutes(minutes), cancellationToken: cancellationToken, owe: async (work, proposal) =>
            {
                // Read outside the transaction, which has not touched the entries: a proposal only adds a row.
                var a = await entries.GetAsync(guildId, proposal.MemberA, cancellationToken);
                var b = await entries.GetAsync(guildId, proposal.MemberB, cancellationToken);
                if (a is not null && b is not null)
                    await outbox.EnqueueAsync(work, [PoolLetters.Proposal(proposal, a, b, minutes, a.LangOr(lang)), PoolLetters.Proposal(proposal, b, a, minutes, b.LangOr(lang))]);
            }, eligible: role is null ? null : entry => StillEligibleAsync(entry, role.Value, lang, cancellationToken));
            if (made.Count > 0)
                logger.LogInformation("The matching pool of guild {Guild} proposed {Count} pairs", guildId, made.Count);
            return made;
        }
    }

    /// <summary>
    /// The pool's role, checked again before a member is proposed. Without it their entry leaves the pool and they are
    /// told why (waiting on an entry that can never be matched would be a silent dead end); a member who left the
    /// server leaves the pool without a word; one Discord could not be asked about waits for the next run.
    /// </summary>
    private async Task<bool> StillEligibleAsync(PoolEntry entry, Snowflake role, Localization.Lang lang, CancellationToken cancellationToken)
    {
        var standing = await poolRole.CheckAsync(entry.GuildId, role, entry.UserId, cancellationToken);
        if (standing is PoolRoleStanding.Lacks or PoolRoleStanding.Left)
        {
            await withdrawal.RemoveAsync(entry.GuildId, entry.UserId,
                standing == PoolRoleStanding.Lacks ? e => PoolLetters.RoleLost(e, e.LangOr(lang)) : null, cancellationToken);
            logger.LogInformation("Member {User} left the matching pool of guild {Guild}: {Why}", entry.UserId, entry.GuildId,
                standing == PoolRoleStanding.Lacks ? "no longer holds its role" : "no longer in the server");
        }

        return standing == PoolRoleStanding.Holds;
    }
}
