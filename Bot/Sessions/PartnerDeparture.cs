using CrossCoaching.Discord;
using CrossCoaching.Discord.Members;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.GuildSettings;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>
/// Without the privileged members intent the bot is not told when someone leaves a guild; it asks Discord about both
/// partners before a session instead: at the reminder, or before the room of a session that had none. A partner gone
/// (not found by the gateway, or Discord 10007 by REST) suspends the pair, cancels its sessions and tells the one who
/// stayed. The gateway answers first (what it showed lately, else one Request Guild Members for this pair and the
/// guild's other partners due soon), spending none of the REST budget; REST asks only when the gateway could not.
/// </summary>
public sealed class PartnerDeparture(
    IDiscordApi api,
    IMemberDirectory directory,
    UpcomingPartners upcoming,
    TimeProvider time,
    PairRepository pairs,
    SessionRepository sessions,
    SessionEnder ender,
    Outbox outbox,
    GuildLanguage languages,
    ILogger<PartnerDeparture> logger)
{
    /// <returns>True when a partner left and the pair was suspended (the caller stops); false when both are here.</returns>
    public async Task<bool> CheckLockedAsync(Session current, Pair pair, CancellationToken cancellationToken)
    {
        var soon = await upcoming.InGuildAsync(pair.GuildId, time.GetUtcNow() + MemberSightings.Fresh, cancellationToken);
        var known = await directory.CheckAsync(pair.GuildId, [.. pair.Members], soon, cancellationToken);
        foreach (var member in pair.Members)
        {
            if (known.GetValueOrDefault(member) is { } isMember)
            {
                if (isMember)
                    continue;
                await SuspendAsync(pair, member, current, cancellationToken);
                return true;
            }

            try
            {
                await api.GetGuildMemberAsync(pair.GuildId, member, cancellationToken);
            }
            catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownMember)
            {
                await SuspendAsync(pair, member, current, cancellationToken);
                return true;
            }
        }

        return false;
    }

    private async Task SuspendAsync(Pair pair, Snowflake departed, Session current, CancellationToken cancellationToken)
    {
        var suspended = await pairs.SuspendAsync(pair.Id, "partner left the guild", cancellationToken);
        // The caller stops here, so its session ends here too, even when another session of the pair (an impromptu
        // one beside the ritual) noticed first and has already told the partner who stayed.
        await ender.EndWithoutMeetingLockedAsync(current, SessionStatus.Cancelled, announced: false, cancellationToken);
        if (!suspended)
            return;
        logger.LogInformation("Pair {Pair} suspended: member {User} left guild {Guild}", pair.Id, departed, pair.GuildId);
        foreach (var other in await sessions.ListUnfinishedForPairAsync(pair.Id, cancellationToken))
            if (other.Id != current.Id)
                await ender.CancelAsync(other.Id, SessionStatus.Cancelled, announced: false, cancellationToken);

        var stayed = pair.PartnerOf(departed);
        var lang = await languages.ForGuildAsync(pair.GuildId, cancellationToken);
        await outbox.EnqueueAsync(Letter.Dm($"pair:{pair.Id}:left:{current.Id}", NoticeKinds.PartnerLeft, stayed,
            MessageSpec.Text(SessionTexts.PartnerLeft.Format(lang, Markdown.Name(pair.NameOf(departed))))), cancellationToken);
    }
}
