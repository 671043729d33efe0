using CrossCoaching.GuildSettings;
using CrossCoaching.Hosting;
using CrossCoaching.Messaging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Pool;

/// <summary>
/// The pool's clock, run by the reconciler: proposals unanswered for 48 hours close (the one who accepted goes back
/// to the head of the line, matched again at once), entries near their end are reminded once, expired entries go,
/// and each guild's scheduled matching runs when its cadence says so. Every step is recorded in the database with the
/// message it owes, so a pass that crashes or runs twice neither loses nor doubles anything.
/// </summary>
public sealed class PoolSweeper(
    PoolEntryRepository entries,
    PoolProposalRepository proposals,
    PoolRunRepository runs,
    PoolMatchmaker matchmaker,
    GuildSettingsRepository settings,
    GuildLanguage languages,
    Outbox outbox,
    IOptions<PoolOptions> options,
    TimeProvider time) : IReconcilable
{
    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var again = new HashSet<Discord.Snowflake>();
        await proposals.ExpireAsync(now, cancellationToken: cancellationToken, owe: async (work, p) =>
        {
            again.Add(p.GuildId);
            var lang = await languages.ForGuildAsync(p.GuildId, cancellationToken);
            var (a, b) = (await entries.GetAsync(p.GuildId, p.MemberA, cancellationToken), await entries.GetAsync(p.GuildId, p.MemberB, cancellationToken));
            foreach (var (member, answer, other) in new[] { (a, p.AnswerA, b), (b, p.AnswerB, a) })
            {
                if (member is null)
                    continue;
                var text = answer == true ? ProposalTexts.BackInLine : ProposalTexts.ExpiredOut;
                var otherName = Discord.Markdown.Name(other?.DisplayName ?? "?");
                await outbox.EnqueueAsync(work, PoolLetters.Answer(p, "expired", member, member.LangOr(lang), text.Format(member.LangOr(lang), otherName)));
            }
        });

        await RemindAsync(now, cancellationToken);
        await entries.RemoveExpiredAsync(now, cancellationToken: cancellationToken, owe: async (work, entry) =>
            await outbox.EnqueueAsync(work, PoolLetters.Expired(entry, entry.LangOr(await languages.ForGuildAsync(entry.GuildId, cancellationToken)))));

        foreach (var guild in await entries.GuildsWaitingAsync(now, cancellationToken))
        {
            var cadence = TimeSpan.FromHours((await settings.GetAsync(guild, cancellationToken)).PoolCadenceHours);
            if (again.Contains(guild) || await runs.TryClaimAsync(guild, now, cadence, cancellationToken))
                await matchmaker.RunAsync(guild, cancellationToken);
        }
    }

    private async Task RemindAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.ReminderDays == 0)
            return;
        foreach (var entry in await entries.ReminderDueAsync(now, TimeSpan.FromDays(o.ReminderDays), cancellationToken))
        {
            // The outbox's key holds the entry's expiry, so a reminder written twice (a crash before the mark) is sent once.
            var lang = entry.LangOr(await languages.ForGuildAsync(entry.GuildId, cancellationToken));
            await outbox.EnqueueAsync(PoolLetters.Reminder(entry, lang, o.EntryDays), cancellationToken);
            await entries.MarkRemindedAsync(entry.GuildId, entry.UserId, cancellationToken);
        }
    }
}
