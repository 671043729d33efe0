using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Takeaways;

/// <summary>Sends a revealed takeaway meant for the partner (a <c>pair</c> one, or a public one without a trail channel).</summary>
public sealed class PartnerDelivery(Outbox outbox)
{
    /// <summary>
    /// Owed through the outbox, by DM only: a takeaway is private, so a partner whose DMs are closed is not told in
    /// public either; the refusal is logged by the outbox.
    /// </summary>
    /// <returns>True once the message is owed (the outbox takes it from there).</returns>
    public async Task<bool> SendAsync(Session session, Pair pair, Takeaway takeaway, Lang lang, CancellationToken cancellationToken = default)
    {
        if (takeaway.AuthorId is not { } author || !pair.Has(author) || FormerMember.Is(pair.PartnerOf(author)))
            return true;
        var partner = pair.PartnerOf(author);
        var name = Markdown.Name(takeaway.AuthorName);
        await outbox.EnqueueAsync(Letter.Dm($"takeaway:{takeaway.Id}:partner", NoticeKinds.Takeaway, partner, Message(session, takeaway, name, lang)), cancellationToken);
        return true;
    }

    private static MessageSpec Message(Session session, Takeaway takeaway, string name, Lang lang) => new(
        TakeawayTexts.PartnerTakeaway.Format(lang, name, Timestamps.Of(session.SlotAt, 'D')),
        AllowedMentions.None,
        Embeds: [new Embed(Description: TakeawayText.Truncate(Markdown.Escape(takeaway.Text), TrailMessage.DescriptionLimit), Color: TrailMessage.Color)]);
}
