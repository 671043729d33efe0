using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Progress.Pictures;
using CrossCoaching.Sessions;

namespace CrossCoaching.Progress;

/// <summary>
/// <c>/stats</c> (ephemeral): the invoker's pair — the current one, else the latest that ended — in counts, attendance,
/// minutes together, streaks and round. Members who may manage the server also see the server's active pairs and
/// the pairs at risk. Pictures go along: the pair's last weeks, and for managers the server's (see
/// <see cref="ProgressPictures"/>). The first picture loads the drawing library; should that and the reading take
/// long, the router defers the answer before Discord's three seconds are up.
/// </summary>
public sealed class StatsCommand(
    PairRepository pairs, SessionRepository sessions, PairStatsReader stats, RoundKeeper rounds, ProgressPictures pictures, Pool.PoolProposalRepository pool, TimeProvider time)
    : ISlashCommand
{
    public CommandDefinition Definition { get; } = new("stats", ProgressTexts.StatsDescription.En, [],
        NameLocalizations: Localizations.French("stats"), DescriptionLocalizations: ProgressTexts.StatsDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var guild = context.GuildId;
        var me = context.Interaction.User.Id;
        var manager = (context.Interaction.MemberPermissions & (Permissions.ManageGuild | Permissions.Administrator)) != Permissions.None;
        var inGuild = await pairs.ListInGuildAsync(guild, cancellationToken);
        var pair = await pairs.FindCurrentAsync(guild, me, cancellationToken)
            ?? inGuild.Where(p => p.Has(me)).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).FirstOrDefault();
        if (pair is null && !manager)
            throw new UserErrorException(context.Text(PairTexts.NoPair));

        var sections = new List<string>();
        var files = new List<FileAttachment?>();
        if (pair is not null)
        {
            var round = await rounds.StateAsync(pair, cancellationToken);
            var record = await stats.ReadAsync(pair, me, round.Sessions, cancellationToken);
            sections.Add(StatsReport.PairSection(pair, me, record, round, context.Lang));
            files.Add(await pictures.ForPairAsync(pair, round.Sessions, record, context.Lang, cancellationToken));
        }

        if (manager)
        {
            var active = inGuild.Where(p => p.Status == PairStatus.Active).ToList();
            var atRisk = new List<Pair>();
            foreach (var candidate in active)
                if (PairStatistics.IsAtRisk(await sessions.ListForPairAsync(candidate.Id, cancellationToken)))
                    atRisk.Add(candidate);
            sections.Add(StatsReport.ServerSection(active.Count, atRisk, context.Lang));
            if (Pool.PoolStatsText.Render(await pool.StatsAsync(guild, time.GetUtcNow(), cancellationToken), context.Lang) is { } poolLine)
                sections.Add(poolLine);
            files.Add(await pictures.ForServerAsync(guild, context.Lang, cancellationToken));
        }

        var drawn = files.OfType<FileAttachment>().ToList();
        var reply = new MessageSpec(string.Join("\n\n", sections), AllowedMentions.None, Files: drawn.Count == 0 ? null : drawn);
        await context.ReplyAsync(reply, ephemeral: true, cancellationToken);
    }
}
