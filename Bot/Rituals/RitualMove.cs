using System.Globalization;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;

namespace CrossCoaching.Rituals;

/// <summary>
/// <c>/ritual move date [time]</c>: proposes another slot for the pair's next planned session only. The partner answers
/// with the buttons of <see cref="MoveButtons"/>; until then, and if they decline or never answer, the session stays.
/// </summary>
public sealed class RitualMove(
    PairRepository pairs,
    RitualRepository rituals,
    SessionRepository sessions,
    SessionMoveRepository moves,
    MoveProposals proposals,
    Outbox outbox,
    SqliteConnectionFactory connections,
    GuildLanguage languages,
    TimeProvider time) : IRitualSubcommand
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy"];

    public CommandOption Definition { get; } = new(CommandOptionType.SubCommand, "move", MoveTexts.Description.En, Options:
        [
            new(CommandOptionType.String, "date", MoveTexts.DateOption.En, Required: true, MaxLength: 16,
                NameLocalizations: Localizations.French("date"), DescriptionLocalizations: MoveTexts.DateOption.ToLocalizations()),
            new(CommandOptionType.String, "time", MoveTexts.TimeOption.En, MaxLength: 16,
                NameLocalizations: Localizations.French("heure"), DescriptionLocalizations: MoveTexts.TimeOption.ToLocalizations()),
        ],
        NameLocalizations: Localizations.French("deplacer"), DescriptionLocalizations: MoveTexts.Description.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var pair = await pairs.RequireActiveAsync(context, cancellationToken);
        var ritual = await rituals.RequireAsync(pair, context, cancellationToken);
        var zone = RitualZone.Require(ritual, context);
        var now = time.GetUtcNow();
        var unfinished = await sessions.ListUnfinishedForPairAsync(pair.Id, cancellationToken);
        var next = unfinished.Where(s => s is { Kind: SessionKind.Ritual, Status: SessionStatus.Scheduled, RoomChannelId: null } && s.SlotAt > now).MinBy(s => s.SlotAt)
            ?? throw new UserErrorException(context.Text(MoveTexts.NothingToMove));

        var to = RitualSchedule.ToInstant(ParseDate(context), ParseTime(context, ritual), zone);
        // The occurrence the session stands for, even when it was moved already: the next one is the limit.
        var original = (await moves.ForPairAsync(pair.Id, cancellationToken)).FirstOrDefault(m => m.SessionId == next.Id)?.OriginalSlot ?? next.SlotAt;
        var following = RitualSchedule.NextAfter(ritual.Rule, original);
        if (to <= now.AddMinutes(1))
            throw new UserErrorException(context.Text(MoveTexts.NotAhead));
        if (to == next.SlotAt)
            throw new UserErrorException(context.Text(MoveTexts.Same));
        if (following is { } limit && to >= limit)
            throw new UserErrorException(context.Text(MoveTexts.TooLate, Timestamps.Of(limit)));
        var end = to.AddMinutes(next.DurationMinutes + next.GraceMinutes);
        if (unfinished.Any(s => s.Id != next.Id && s.SlotAt < end && to < s.CloseAt) || await sessions.FindAtSlotAsync(pair.Id, to, cancellationToken) is not null)
            throw new UserErrorException(context.Text(MoveTexts.Clash));

        var partner = pair.PartnerOf(me);
        var lang = await languages.ForGuildAsync(pair.GuildId, cancellationToken);
        await using (var work = await connections.BeginAsync(cancellationToken))
        {
            var id = await proposals.ProposeAsync(work, pair.Id, next.Id, next.SlotAt, to, me, now);
            var ask = new MessageSpec(MoveTexts.Ask.Format(lang, Markdown.Name(pair.NameOf(me)), Timestamps.Of(next.SlotAt), Timestamps.Of(to)),
                AllowedMentions.None, [MoveButtons.Buttons(id, lang)]);
            await outbox.EnqueueAsync(work, Letter.Dm($"move:{id.ToString(CultureInfo.InvariantCulture)}:ask", NoticeKinds.RitualChange, partner, ask)
                with { ExpiresAt = next.SlotAt });
            await work.CommitAsync(cancellationToken);
        }

        await context.ReplyAsync(context.Text(MoveTexts.Proposed, Markdown.Name(pair.NameOf(partner)), Timestamps.Of(next.SlotAt), Timestamps.Of(to)),
            ephemeral: true, cancellationToken);
    }

    private static DateOnly ParseDate(InteractionContext context)
    {
        var text = context.Interaction.GetString("date")?.Trim() ?? "";
        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UserErrorException(context.Text(RitualTexts.BadDate, Markdown.Name(text)));
    }

    private static TimeOnly ParseTime(InteractionContext context, Ritual ritual)
    {
        if (context.Interaction.GetString("time")?.Trim() is not { Length: > 0 } text)
            return ritual.Rule.LocalTime;
        return TimeOfDayParser.TryParse(text, out var at) ? at : throw new UserErrorException(context.Text(RitualTexts.BadTime, Markdown.Name(text)));
    }
}
