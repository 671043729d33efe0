using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CrossCoaching.Rituals;

/// <summary><c>/ritual set</c>: either partner sets or changes the slot; the other is told what changed.</summary>
public sealed class RitualSet(
    PairRepository pairs,
    RitualRepository rituals,
    GuildSettingsRepository settings,
    RitualChanges changes,
    SessionRepository sessions,
    PairNotices notices,
    IOptions<SessionOptions> options,
    TimeProvider time) : IRitualSubcommand
{
    public CommandOption Definition { get; } = Build(options.Value);

    private static CommandOption Build(SessionOptions o) => new(CommandOptionType.SubCommand, "set", RitualTexts.SetDescription.En, Options:
    [
        new(CommandOptionType.String, "day", RitualTexts.DayOption.En, Required: true, Choices: RitualDescription.DayChoices(),
            NameLocalizations: Localizations.French("jour"), DescriptionLocalizations: RitualTexts.DayOption.ToLocalizations()),
        new(CommandOptionType.String, "time", RitualTexts.TimeOption.En, Required: true, MaxLength: 16,
            NameLocalizations: Localizations.French("heure"), DescriptionLocalizations: RitualTexts.TimeOption.ToLocalizations()),
        new(CommandOptionType.String, "timezone", RitualTexts.ZoneOption.En, Autocomplete: true, MaxLength: 64,
            NameLocalizations: Localizations.French("fuseau"), DescriptionLocalizations: RitualTexts.ZoneOption.ToLocalizations()),
        new(CommandOptionType.String, "every", RitualTexts.EveryOption.En, Choices: RitualDescription.EveryChoices(),
            NameLocalizations: Localizations.French("fréquence"), DescriptionLocalizations: RitualTexts.EveryOption.ToLocalizations()),
        new(CommandOptionType.Integer, "duration", RitualTexts.DurationOption.En, MinValue: o.MinimumDurationMinutes, MaxValue: o.MaximumDurationMinutes,
            NameLocalizations: Localizations.French("durée"), DescriptionLocalizations: RitualTexts.DurationOption.ToLocalizations()),
        new(CommandOptionType.Integer, "reminder", RitualTexts.ReminderOption.En, MinValue: 0, MaxValue: o.MaximumReminderMinutes,
            NameLocalizations: Localizations.French("rappel"), DescriptionLocalizations: RitualTexts.ReminderOption.ToLocalizations()),
        new(CommandOptionType.String, "place", PlaceTexts.Option.En, Choices: TalkPlaces.Choices(),
            NameLocalizations: Localizations.French("lieu"), DescriptionLocalizations: PlaceTexts.Option.ToLocalizations()),
    ], NameLocalizations: Localizations.French("fixer"), DescriptionLocalizations: RitualTexts.SetDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var i = context.Interaction;
        var o = options.Value;
        var pair = await pairs.RequireActiveAsync(context, cancellationToken);
        var previous = await rituals.GetAsync(pair.Id, cancellationToken);

        if (!Enum.TryParse<DayOfWeek>(i.GetString("day"), ignoreCase: true, out var day))
            throw new UserErrorException(context.Text(RitualTexts.BadDay));
        var timeText = i.GetString("time") ?? "";
        if (!TimeOfDayParser.TryParse(timeText, out var localTime))
            throw new UserErrorException(context.Text(RitualTexts.BadTime, Markdown.Name(timeText.Trim())));
        var zone = await ZoneAsync(context, previous, cancellationToken);
        var frequency = RitualFrequencyCodes.TryParse(i.GetString("every"), out var every) ? every : previous?.Rule.Frequency ?? RitualFrequency.Week;
        var duration = (int?)i.GetInteger("duration") ?? previous?.DurationMinutes ?? o.DefaultDurationMinutes;
        if (duration < o.MinimumDurationMinutes || duration > o.MaximumDurationMinutes)
            throw new UserErrorException(context.Text(RitualTexts.DurationRange, o.MinimumDurationMinutes, o.MaximumDurationMinutes));
        var reminder = (int?)i.GetInteger("reminder") ?? previous?.ReminderMinutes ?? o.DefaultReminderMinutes;
        if (reminder < 0 || reminder > o.MaximumReminderMinutes)
            throw new UserErrorException(context.Text(RitualTexts.ReminderRange, o.MaximumReminderMinutes));

        var place = TalkPlaces.TryParse(i.GetString("place"), out var chosen) ? chosen : previous?.Place ?? TalkPlace.Discord;

        var now = time.GetUtcNow();
        // Every-2-weeks counts its rhythm from an anchor; changing only the time or the zone keeps it.
        var anchor = previous is { Rule.Frequency: RitualFrequency.TwoWeeks } && previous.Rule.Day == day && frequency == RitualFrequency.TwoWeeks
            ? previous.Rule.AnchorDate
            : RitualSchedule.AnchorFor(day, localTime, zone, now);
        var ritual = new Ritual(pair.Id, new RitualRule(frequency, day, localTime, zone.Id, anchor), duration, reminder,
            previous?.Paused ?? false, previous?.PausedUntil, now, i.User.Id) { Place = place };
        await rituals.SaveAsync(ritual, cancellationToken);
        await changes.ReplanAsync(pair, cancellationToken);

        // What will happen, as /ritual show says it: no dates while paused, and a skip kept only where the new rule
        // still has the occurrence it was made for.
        var upcoming = RitualSchedule.Upcoming(ritual.Rule, now, 3);
        var skipped = (await sessions.ListForPairAsync(pair.Id, cancellationToken))
            .Where(s => s.Status == SessionStatus.Skipped).Select(s => s.SlotAt).ToHashSet();
        string Next(Lang lang) => ritual.Paused
            ? ritual.PausedUntil is { } until ? RitualTexts.PausedUntil.Format(lang, lang.LongDate(until)) : RitualTexts.Paused[lang]
            : RitualDescription.Upcoming(upcoming, skipped, lang);
        await context.ReplyAsync(context.Text(RitualTexts.Saved, RitualDescription.Describe(ritual, context.Lang)) + "\n" + Next(context.Lang),
            ephemeral: true, cancellationToken);
        await notices.TellPartnerAsync(pair, i.User.Id, lang =>
            RitualTexts.PartnerChanged.Format(lang, Markdown.Name(pair.NameOf(i.User.Id)), RitualDescription.Describe(ritual, lang)) + "\n" +
            Next(lang), cancellationToken);
    }

    /// <summary>The zone given, else the ritual's current one, else the guild's default; otherwise the user is asked.</summary>
    private async Task<DateTimeZone> ZoneAsync(InteractionContext context, Ritual? previous, CancellationToken cancellationToken)
    {
        var given = context.Interaction.GetString("timezone");
        var id = given ?? previous?.Rule.TimeZoneId ?? (await settings.GetAsync(context.GuildId, cancellationToken)).TimeZone
            ?? throw new UserErrorException(context.Text(RitualTexts.ZoneNeeded));
        return TimeZoneCatalog.TryFind(id, out var zone) ? zone : throw new UserErrorException(context.Text(SetupTexts.UnknownZone, Markdown.Name(id.Trim())));
    }
}
