using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Setup;

namespace CrossCoaching.Rituals;

/// <summary>What follows a change of ritual: future sessions re-planned, and the other partner told.</summary>
public sealed class RitualChanges(
    SessionRepository sessions,
    SessionEnder ender,
    SessionPlanner planner,
    PartnerMessenger messenger,
    GuildLanguage languages,
    TimeProvider time)
{
    /// <summary>
    /// Cancels the planned sessions that have not opened (their rooms, if prepared, go too) and plans the next one
    /// from the ritual as it is now. A session already open runs to its end.
    /// </summary>
    public async Task<Session?> ReplanAsync(Pair pair, CancellationToken cancellationToken = default)
    {
        foreach (var session in await sessions.ListUnfinishedForPairAsync(pair.Id, cancellationToken))
            if (session is { Kind: SessionKind.Ritual, Status: SessionStatus.Scheduled } && session.SlotAt > time.GetUtcNow())
                await ender.CancelAsync(session.Id, SessionStatus.Cancelled, announced: false, cancellationToken);
        return await planner.PlanNextAsync(pair.Id, cancellationToken);
    }

    /// <summary>Tells the partner of <paramref name="actor"/>, in the guild's language.</summary>
    /// <returns>How the partner was reached (<see cref="Delivery.Failed"/>: not at all), for callers that must know.</returns>
    public async Task<Delivery> TellPartnerAsync(Pair pair, Snowflake actor, Func<Lang, string> text, CancellationToken cancellationToken = default)
    {
        var lang = await languages.ForGuildAsync(pair.GuildId, cancellationToken);
        var (delivery, _) = await messenger.SendAsync(pair, pair.PartnerOf(actor), MessageSpec.Text(text(lang)), lang, cancellationToken);
        return delivery;
    }

    public async Task TellBothAsync(Pair pair, Func<Lang, Snowflake, string> text, CancellationToken cancellationToken = default)
    {
        var lang = await languages.ForGuildAsync(pair.GuildId, cancellationToken);
        foreach (var member in pair.Members)
            await messenger.SendAsync(pair, member, MessageSpec.Text(text(lang, member)), lang, cancellationToken);
    }
}
