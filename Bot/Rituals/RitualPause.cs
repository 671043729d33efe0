using System.Globalization;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;

namespace CrossCoaching.Rituals;

/// <summary><c>/ritual pause [until]</c> and <c>/ritual resume</c>.</summary>
public sealed class RitualPause(PairRepository pairs, RitualRepository rituals, RitualChanges changes, PairNotices notices, TimeProvider time) : IRitualSubcommand
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy"];

    public CommandOption Definition { get; } = new(CommandOptionType.SubCommand, "pause", RitualTexts.PauseDescription.En, Options:
        [
            new(CommandOptionType.String, "until", RitualTexts.UntilOption.En, MaxLength: 16,
                NameLocalizations: Localizations.French("jusqu'à"), DescriptionLocalizations: RitualTexts.UntilOption.ToLocalizations()),
        ],
        NameLocalizations: Localizations.French("pause"), DescriptionLocalizations: RitualTexts.PauseDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var pair = await pairs.RequireActiveAsync(context, cancellationToken);
        var ritual = await rituals.RequireAsync(pair, context, cancellationToken);
        var until = ParseUntil(context, ritual);
        await rituals.SaveAsync(ritual with { Paused = true, PausedUntil = until, UpdatedAt = time.GetUtcNow(), UpdatedBy = me }, cancellationToken);
        await changes.ReplanAsync(pair, cancellationToken); // paused: cancels what was planned, plans nothing

        string Date(Lang lang) => until is { } date ? lang.LongDate(date) : "";
        await context.ReplyAsync(until is null ? context.Text(RitualTexts.Paused) : context.Text(RitualTexts.PausedUntil, Date(context.Lang)), true, cancellationToken);
        await notices.TellPartnerAsync(pair, me, lang => until is null
            ? RitualTexts.PartnerPaused.Format(lang, Markdown.Name(pair.NameOf(me)))
            : RitualTexts.PartnerPausedUntil.Format(lang, Markdown.Name(pair.NameOf(me)), Date(lang)), cancellationToken);
    }

    /// <summary>A date after today (in the ritual's own zone) and within a year.</summary>
    private DateOnly? ParseUntil(InteractionContext context, Ritual ritual)
    {
        if (context.Interaction.GetString("until")?.Trim() is not { Length: > 0 } text)
            return null;
        if (!DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new UserErrorException(context.Text(RitualTexts.BadDate, Markdown.Name(text)));
        var today = TimeZoneCatalog.TryFind(ritual.Rule.TimeZoneId, out var zone)
            ? RitualSchedule.LocalDateAt(time.GetUtcNow(), zone)
            : DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return date > today && date <= today.AddYears(1) ? date : throw new UserErrorException(context.Text(RitualTexts.DateNotAhead));
    }
}

public sealed class RitualResume(PairRepository pairs, RitualRepository rituals, RitualChanges changes, PairComeback comeback, PairNotices notices, TimeProvider time)
    : IRitualSubcommand
{
    public CommandOption Definition { get; } = new(CommandOptionType.SubCommand, "resume", RitualTexts.ResumeDescription.En,
        NameLocalizations: Localizations.French("reprendre"), DescriptionLocalizations: RitualTexts.ResumeDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        if (await pairs.FindCurrentAsync(context.GuildId, me, cancellationToken) is { Status: PairStatus.Suspended } suspended)
        {
            await comeback.ResumeAsync(context, suspended, cancellationToken);
            return;
        }

        var pair = await pairs.RequireActiveAsync(context, cancellationToken);
        var ritual = await rituals.RequireAsync(pair, context, cancellationToken);
        if (!ritual.Paused)
            throw new UserErrorException(context.Text(RitualTexts.NotPaused));
        await rituals.SaveAsync(ritual with { Paused = false, PausedUntil = null, UpdatedAt = time.GetUtcNow(), UpdatedBy = me }, cancellationToken);
        var next = await changes.ReplanAsync(pair, cancellationToken);
        var when = Timestamps.OrNone(next?.SlotAt);
        await context.ReplyAsync(context.Text(RitualTexts.Resumed, when), ephemeral: true, cancellationToken);
        await notices.TellPartnerAsync(pair, me, lang => RitualTexts.PartnerResumed.Format(lang, Markdown.Name(pair.NameOf(me)), when), cancellationToken);
    }
}
