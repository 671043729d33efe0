using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;

namespace CrossCoaching.Sessions;

/// <summary>What one partner did, told to the other (or to both) by DM in the guild's language, through the outbox.</summary>
public sealed class PairNotices(Outbox outbox, GuildLanguage languages)
{
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
        Letter.Dm($"ritual:{pair.Id}:{to}:{Guid.NewGuid():N}", NoticeKinds.RitualChange, to, spec);
}
