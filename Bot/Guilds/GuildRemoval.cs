using CrossCoaching.Discord;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.GuildSettings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Guilds;

/// <summary>
/// The bot removed from a server, and added back. Removal is recorded first (so it survives a restart), then the
/// server's sessions end without a single call to Discord, whose every answer there would be a 403 or a 404, and the
/// partners are told by direct message. Adding the bot back before the purge restores the pairs' planning.
/// </summary>
public sealed class GuildRemoval(
    GuildRemovalRepository removals,
    GuildGate gate,
    SessionRepository sessions,
    SessionEnder ender,
    SessionPlanner planner,
    SessionRunner runner,
    DueSteps due,
    PairRepository pairs,
    Outbox outbox,
    GuildLanguage languages,
    IOptions<GuildOptions> options,
    TimeProvider time,
    ILogger<GuildRemoval> logger)
{
    public async Task RemovedAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        gate.MarkBack(guildId);
        // Every part below is idempotent (a second GUILD_DELETE, or one after a crash half-way, finishes the work and
        // tells no one twice: the notices' keys name this removal), so only the log line depends on being first.
        var days = options.Value.RemovedRetentionDays;
        if (await removals.MarkRemovedAsync(guildId, time.GetUtcNow(), cancellationToken))
            logger.LogWarning("The bot was removed from server {Guild}: its sessions are cancelled; its data is deleted in {Days} days unless the bot is added back",
                guildId, days);
        var removal = await removals.RemovedAtAsync(guildId, cancellationToken);

        foreach (var session in await sessions.ListUnfinishedInGuildAsync(guildId, cancellationToken))
        {
            // The room cannot be deleted any more (Discord refuses): forgetting it stops every retry of the deletion.
            await sessions.SetRoomAsync(session.Id, null, null, cancellationToken);
            await ender.CancelAsync(session.Id, SessionStatus.Cancelled, announced: false, cancellationToken);
        }
        foreach (var session in (await sessions.ListFinishedWithRoomAsync(cancellationToken)).Where(s => s.GuildId == guildId))
            await sessions.SetRoomAsync(session.Id, null, null, cancellationToken);
        await removals.ForgetOverflowCategoriesAsync(guildId, cancellationToken);

        var lang = await languages.ForGuildAsync(guildId, cancellationToken);
        foreach (var pair in (await pairs.ListInGuildAsync(guildId, cancellationToken)).Where(p => p.Status == PairStatus.Active))
            foreach (var member in pair.Members)
                await TellAsync($"guild:{guildId}:removed:{removal?.ToUnixTimeSeconds()}:{member}", member, MessageSpec.Text(GuildTexts.BotRemoved.Format(lang, Markdown.Name(pair.NameOf(pair.PartnerOf(member))), days)), cancellationToken);
    }

    /// <summary>GUILD_CREATE: a removed server restored, or the end of an outage, lets the held work go on.</summary>
    public async Task AvailableAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        var wasOut = gate.MarkBack(guildId);
        if (await removals.RestoreAsync(guildId, cancellationToken))
        {
            logger.LogInformation("The bot is back in server {Guild}: planning its pairs' sessions again", guildId);
            foreach (var pair in (await pairs.ListInGuildAsync(guildId, cancellationToken)).Where(p => p.Status == PairStatus.Active))
                await planner.PlanNextAsync(pair.Id, cancellationToken);
        }
        if (wasOut)
            await CatchUpAsync(guildId, cancellationToken);
    }

    /// <summary>
    /// READY of a new gateway session. A server with active pairs that a covering shard does not list was left while
    /// the bot was away (a fresh process has no cache to tell it); a listed one is out until its GUILD_CREATE, so steps
    /// due meanwhile wait for it rather than draw errors.
    /// </summary>
    public async Task ListedAsync(GuildsListed listed, CancellationToken cancellationToken = default)
    {
        foreach (var guildId in listed.GuildIds)
            gate.MarkOut(guildId);
        foreach (var guildId in await removals.ListGuildsWithActivePairsAsync(cancellationToken))
        {
            if (!listed.GuildIds.Contains(guildId) && listed.Covers(guildId))
                await RemovedAsync(guildId, cancellationToken);
        }
    }

    public void Unavailable(Snowflake guildId)
    {
        gate.MarkOut(guildId);
        logger.LogWarning("Server {Guild} is unavailable (a Discord outage): its session steps wait until it is back", guildId);
    }

    /// <summary>Steps that fell due during the outage run now rather than at the next reconciler pass.</summary>
    private async Task CatchUpAsync(Snowflake guildId, CancellationToken cancellationToken)
    {
        // The overdue steps from the due index: every guild is "out" until its GUILD_CREATE at start, so reading every
        // unfinished session here made a thousand servers' start-up cost a thousand times the number of rituals.
        var overdue = (await due.OverdueInGuildAsync(time.GetUtcNow(), guildId, cancellationToken)).GroupBy(s => s.SessionId);
        foreach (var session in overdue)
        {
            foreach (var step in session.OrderBy(s => s.Step))
            {
                try
                {
                    await runner.RunAsync(step.SessionId, step.Step, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Step {Step} of session {Session} failed after the outage ({Reason}); the reconciler retries", step.Step, step.SessionId, e.Message);
                }
            }
        }
    }

    /// <summary>
    /// A direct message only, owed through the outbox: the server's channels are out of reach, and this notice is
    /// personal. A partner Discord will not let the bot reach any more (no server in common) is logged by the outbox.
    /// </summary>
    private Task TellAsync(string key, Snowflake user, MessageSpec message, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(Letter.Dm(key, NoticeKinds.BotRemoved, user, message), cancellationToken);
}
