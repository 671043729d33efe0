using CrossCoaching.Discord.Interactions;
using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Rituals;

/// <summary><c>/ritual now [duration]</c>: an impromptu session whose room opens at once.</summary>
public sealed class RitualNow(PairRepository pairs, RitualRepository rituals, ImpromptuSessions impromptu, IOptions<SessionOptions> options)
    : IRitualSubcommand
{
    public CommandOption Definition { get; } = new(CommandOptionType.SubCommand, "now", RitualTexts.NowDescription.En, Options:
        [
            new(CommandOptionType.Integer, "duration", RitualTexts.DurationOption.En, MinValue: options.Value.MinimumDurationMinutes,
                MaxValue: options.Value.MaximumDurationMinutes, NameLocalizations: Localizations.French("durée"),
                DescriptionLocalizations: RitualTexts.DurationOption.ToLocalizations()),
        ],
        NameLocalizations: Localizations.French("maintenant"), DescriptionLocalizations: RitualTexts.NowDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var pair = await pairs.RequireActiveAsync(context, cancellationToken);
        var duration = (int?)context.Interaction.GetInteger("duration")
            ?? (await rituals.GetAsync(pair.Id, cancellationToken))?.DurationMinutes ?? o.DefaultDurationMinutes;
        if (duration < o.MinimumDurationMinutes || duration > o.MaximumDurationMinutes)
            throw new UserErrorException(context.Text(RitualTexts.DurationRange, o.MinimumDurationMinutes, o.MaximumDurationMinutes));

        var plan = await impromptu.PlanAsync(pair, duration, cancellationToken);
        if (plan.Refusal is ImpromptuRefusal.GuildFull)
            throw new UserErrorException(context.Text(RitualTexts.GuildFull, o.MaxImpromptuRoomsPerGuild));
        if (plan.Refusal is ImpromptuRefusal.Busy)
            throw new UserErrorException(plan.Blocking is { Status: SessionStatus.Scheduled, Kind: SessionKind.Ritual } soon
                ? context.Text(RitualTexts.SessionSoon, Timestamps.Of(soon.SlotAt, 'R'))
                : context.Text(RitualTexts.AlreadyOpen));
        await context.ReplyAsync(context.Text(RitualTexts.NowOpening, duration), ephemeral: true, cancellationToken);
    }
}
