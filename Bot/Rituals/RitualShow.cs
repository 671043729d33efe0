using CrossCoaching.Discord;
using System.Text;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;

namespace CrossCoaching.Rituals;

/// <summary><c>/ritual show</c>: the ritual, its next three occurrences, the pause and the round's progress.</summary>
public sealed class RitualShow(
    PairRepository pairs, RitualRepository rituals, SessionRepository sessions, MovedOccurrences moved, IEnumerable<IRitualStatusLine> extras, TimeProvider time)
    : IRitualSubcommand
{
    public CommandOption Definition { get; } = new(CommandOptionType.SubCommand, "show", RitualTexts.ShowDescription.En,
        NameLocalizations: Localizations.French("voir"), DescriptionLocalizations: RitualTexts.ShowDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var pair = await pairs.RequireActiveAsync(context, cancellationToken);
        var ritual = await rituals.RequireAsync(pair, context, cancellationToken);
        RitualZone.Require(ritual, context);
        var skipped = (await sessions.ListForPairAsync(pair.Id, cancellationToken))
            .Where(s => s.Status == SessionStatus.Skipped).Select(s => s.SlotAt).ToHashSet();

        var text = new StringBuilder(context.Text(RitualTexts.ShowHeader, Markdown.Name(pair.NameOf(pair.PartnerOf(me))), RitualDescription.Describe(ritual, context.Lang)));
        if (ritual.Paused)
            text.Append('\n').Append(ritual.PausedUntil is { } until
                ? context.Text(RitualTexts.PausedUntil, context.Lang.LongDate(until))
                : context.Text(RitualTexts.Paused));
        else
            text.Append('\n').Append(RitualDescription.Upcoming(await moved.UpcomingAsync(pair.Id, ritual.Rule, time.GetUtcNow(), 3, cancellationToken), skipped, context.Lang));
        foreach (var extra in extras)
            if (await extra.LineAsync(pair, context.Lang, cancellationToken) is { } line)
                text.Append('\n').Append(line);
        await context.ReplyAsync(text.ToString(), ephemeral: true, cancellationToken);
    }
}

/// <summary>A line other features add to <c>/ritual show</c> (the round's progress).</summary>
public interface IRitualStatusLine
{
    Task<string?> LineAsync(Pair pair, Lang lang, CancellationToken cancellationToken = default);
}
