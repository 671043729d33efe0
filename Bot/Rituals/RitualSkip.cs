using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Rituals;

/// <summary><c>/ritual skip</c>: the next occurrence is skipped (announced, so the streak is kept); the partner is told.</summary>
public sealed class RitualSkip(PairRepository pairs, SessionSkipper skipper) : IRitualSubcommand
{
    public CommandOption Definition { get; } = new(CommandOptionType.SubCommand, "skip", RitualTexts.SkipDescription.En,
        NameLocalizations: Localizations.French("passer"), DescriptionLocalizations: RitualTexts.SkipDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var pair = await pairs.RequireActiveAsync(context, cancellationToken);
        var text = await skipper.SkipNextAsync(pair, context.Interaction.User.Id, sessionId: null, context.Lang, cancellationToken);
        await context.ReplyAsync(text, ephemeral: true, cancellationToken);
    }
}

/// <summary>Skips a session ahead of its slot, from <c>/ritual skip</c> or the reminder's button.</summary>
public sealed class SessionSkipper(SessionRepository sessions, SessionEnder ender, SessionPlanner planner, RitualChanges changes, TimeProvider time)
{
    /// <returns>The confirmation for the one who skipped, in <paramref name="lang"/>.</returns>
    public async Task<string> SkipNextAsync(Pair pair, Discord.Snowflake actor, long? sessionId, Localization.Lang lang, CancellationToken cancellationToken)
    {
        var next = sessionId is { } id
            ? await sessions.GetAsync(id, cancellationToken)
            : (await sessions.ListUnfinishedForPairAsync(pair.Id, cancellationToken)).FirstOrDefault(s => s.Kind == SessionKind.Ritual)
              ?? await planner.PlanNextAsync(pair.Id, cancellationToken);
        if (next is null || next.PairId != pair.Id || next.IsFinished)
            throw new UserErrorException(RitualTexts.NothingToSkip[lang]);
        if (next.Status == SessionStatus.Open || next.SlotAt <= time.GetUtcNow())
            throw new UserErrorException(RitualTexts.AlreadyStarted[lang]);

        await ender.CancelAsync(next.Id, SessionStatus.Skipped, announced: true, cancellationToken);
        var following = await planner.PlanNextAsync(pair.Id, cancellationToken);
        await changes.TellPartnerAsync(pair, actor, l => RitualTexts.PartnerSkipped.Format(l, Markdown.Name(pair.NameOf(actor)), Timestamps.OrNone(next.SlotAt), Timestamps.OrNone(following?.SlotAt)), cancellationToken);
        return RitualTexts.Skipped.Format(lang, Timestamps.OrNone(next.SlotAt), Timestamps.OrNone(following?.SlotAt));
    }
}
