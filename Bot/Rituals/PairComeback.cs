using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Rituals;

/// <summary>
/// <c>/ritual resume</c> on a pair suspended because a partner left: once both partners are members again, the pair is
/// active again and its ritual planned as before (a ritual paused on purpose is resumed too: that is what was asked).
/// </summary>
public sealed class PairComeback(
    IDiscordApi api,
    PairRepository pairs,
    RitualRepository rituals,
    RitualChanges changes,
    PairNotices notices,
    TimeProvider time)
{
    public async Task ResumeAsync(InteractionContext context, Pair pair, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var partner = pair.PartnerOf(me);
        // Without the members intent nobody tells the bot someone came back: Discord is asked about both.
        foreach (var member in pair.Members)
        {
            try
            {
                await api.GetGuildMemberAsync(pair.GuildId, member, cancellationToken);
            }
            catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownMember)
            {
                throw new UserErrorException(context.Text(RitualTexts.PartnerStillAway, Markdown.Name(pair.NameOf(member))));
            }
        }

        await pairs.ReactivateAsync(pair.Id, cancellationToken);
        if (await rituals.GetAsync(pair.Id, cancellationToken) is { Paused: true } paused)
            await rituals.SaveAsync(paused with { Paused = false, PausedUntil = null, UpdatedAt = time.GetUtcNow(), UpdatedBy = me }, cancellationToken);
        var next = await changes.ReplanAsync(pair, cancellationToken);
        var when = Timestamps.OrNone(next?.SlotAt);
        await context.ReplyAsync(context.Text(RitualTexts.PairBack, Markdown.Name(pair.NameOf(partner)), when), ephemeral: true, cancellationToken);
        await notices.TellPartnerAsync(pair, me, lang => RitualTexts.PartnerBroughtBack.Format(lang, Markdown.Name(pair.NameOf(me)), when), cancellationToken);
    }
}
