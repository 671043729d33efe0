using System.Text;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;

namespace CrossCoaching.Rituals;

/// <summary><c>/ritual calendar</c>: the ritual as an <c>.ics</c> recurring event, skipped dates excluded.</summary>
public sealed class RitualCalendarCommand(PairRepository pairs, RitualRepository rituals, SessionRepository sessions, TimeProvider time) : IRitualSubcommand
{
    public CommandOption Definition { get; } = new(CommandOptionType.SubCommand, "calendar", RitualTexts.CalendarDescription.En,
        NameLocalizations: Localizations.French("agenda"), DescriptionLocalizations: RitualTexts.CalendarDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var pair = await pairs.RequireActiveAsync(context, cancellationToken);
        var ritual = await rituals.RequireAsync(pair, context, cancellationToken);
        RitualZone.Require(ritual, context);
        var skipped = (await sessions.ListForPairAsync(pair.Id, cancellationToken))
            .Where(s => s is { Kind: SessionKind.Ritual, Status: SessionStatus.Skipped }).Select(s => s.SlotAt).ToList();

        var ics = RitualCalendar.ToIcs(ritual.Rule, ritual.DurationMinutes, skipped, $"crosscoaching-pair-{pair.Id}",
            context.Text(RitualTexts.CalendarSummary, pair.NameOf(pair.PartnerOf(me))),
            ritual.Place.IsOutsideDiscord() ? context.Text(PlaceTexts.CalendarDetails, ritual.Place.Words(context.Lang)) : context.Text(RitualTexts.CalendarDetails),
            time.GetUtcNow());
        var file = new FileAttachment("crosscoaching.ics", "text/calendar", Encoding.UTF8.GetBytes(ics));
        await context.ReplyAsync(new MessageSpec(context.Text(RitualTexts.CalendarReply), AllowedMentions.None, Files: [file]), ephemeral: true, cancellationToken);
    }
}
