using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Privacy;
using CrossCoaching.Sessions;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Takeaways;

/// <summary>Sends a revealed takeaway meant for the partner (a <c>pair</c> one, or a public one without a trail channel).</summary>
public sealed class PartnerDelivery(IDiscordApi api, PartnerMessenger messenger, ILogger<PartnerDelivery> logger)
{
    /// <returns>False when Discord could not be reached and a later attempt should try again.</returns>
    public async Task<bool> SendAsync(Session session, Pair pair, Takeaway takeaway, Lang lang, CancellationToken cancellationToken = default)
    {
        if (takeaway.AuthorId is not { } author || !pair.Has(author) || FormerMember.Is(pair.PartnerOf(author)))
            return true;
        var partner = pair.PartnerOf(author);
        var name = Markdown.Name(takeaway.AuthorName);
        try
        {
            try
            {
                var dm = await api.CreateDmAsync(partner, cancellationToken);
                await api.CreateMessageAsync(dm.Id, Message(session, takeaway, name, lang), cancellationToken);
            }
            catch (DiscordApiException e) when (e.Code is DiscordErrorCode.CannotSendMessagesToUser or DiscordErrorCode.UnknownUser)
            {
                // PartnerMessenger's fallback is a mention in the channel where the pair formed, which others read:
                // it says that a takeaway is waiting, never what it says.
                await messenger.SendAsync(pair, partner, MessageSpec.Text(TakeawayTexts.PartnerTakeawayNoDm.Format(lang, name)), lang, cancellationToken);
            }

            return true;
        }
        catch (Exception e) when (DiscordFailures.IsDiscordFailure(e))
        {
            logger.LogWarning("Could not send takeaway {Takeaway} to the partner{Later}: {Reason}",
                takeaway.Id, DiscordFailures.IsFinal(e) ? "" : " yet", e.Message);
            return DiscordFailures.IsFinal(e);
        }
    }

    private static MessageSpec Message(Session session, Takeaway takeaway, string name, Lang lang) => new(
        TakeawayTexts.PartnerTakeaway.Format(lang, name, SessionMessages.Timestamp(session.SlotAt, 'D')),
        AllowedMentions.None,
        Embeds: [new Embed(Description: TakeawayText.Truncate(Markdown.Escape(takeaway.Text), TrailMessage.DescriptionLimit), Color: TrailMessage.Color)]);
}
