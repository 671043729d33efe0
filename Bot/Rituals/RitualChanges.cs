using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;

namespace CrossCoaching.Rituals;

/// <summary>What follows a change of ritual: future sessions re-planned, and the other partner told.</summary>
public sealed class RitualChanges(
    SessionRepository sessions,
    SessionEnder ender,
    SessionPlanner planner,
    Outbox outbox,
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

    /// <summary>Tells the partner of <paramref name="actor"/> by DM, in the guild's language, through the outbox.</summary>
    public async Task TellPartnerAsync(Pair pair, Snowflake actor, Func<Lang, string> text, CancellationToken cancellationToken = default)
    {
        var lang = await languages.ForGuildAsync(pair.GuildId, cancellationToken);
        await outbox.EnqueueAsync(Notice(pair, pair.PartnerOf(actor), MessageSpec.Text(text(lang))), cancellationToken);
    }

    public async Task TellBothAsync(Pair pair, Func<Lang, Snowflake, string> text, CancellationToken cancellationToken = default)
    {
        var lang = await languages.ForGuildAsync(pair.GuildId, cancellationToken);
        await outbox.EnqueueAsync(pair.Members.Select(member => Notice(pair, member, MessageSpec.Text(text(lang, member)))), cancellationToken);
    }

    /// <summary>Each change is its own notice: nothing re-runs these, so the key only has to be unique.</summary>
    private static Letter Notice(Pair pair, Snowflake to, MessageSpec spec) =>
        Letter.Dm($"ritual:{pair.Id}:{to}:{Guid.NewGuid():N}", "ritual-change", to, spec);
}
