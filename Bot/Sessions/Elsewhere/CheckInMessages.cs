using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;

namespace CrossCoaching.Sessions.Elsewhere;

/// <summary>The check-in a partner gets after a talk held outside Discord, or after a room that stayed empty.</summary>
public static class CheckInMessages
{
    public const string Prefix = "checkin";

    public const string Kind = "check-in";

    public static MessageSpec Question(Session session, Pair pair, Snowflake to, Lang lang)
    {
        var partner = Markdown.Name(pair.NameOf(pair.PartnerOf(to)));
        var text = session.Place.IsOutsideDiscord()
            ? CheckInTexts.QuestionElsewhere.Format(lang, partner, Timestamps.Of(session.SlotAt), session.Place.Words(lang))
            : CheckInTexts.QuestionEmptyRoom.Format(lang, partner, Timestamps.Of(session.SlotAt));
        return new MessageSpec(text, AllowedMentions.None, Buttons(session, lang));
    }

    public static IReadOnlyList<ActionRow> Buttons(Session session, Lang lang) =>
    [
        ActionRow.Of(
            new Button(ButtonStyle.Success, CheckInTexts.Talked[lang], ComponentId.Create(Prefix, "yes", session.Id)),
            new Button(ButtonStyle.Secondary, CheckInTexts.DidNotTalk[lang], ComponentId.Create(Prefix, "no", session.Id))),
    ];

    /// <summary>
    /// The check-in to one partner, once, by DM. When their DMs are closed it goes where the pair formed, naming nothing
    /// but the member (not the partner, not the time); its buttons answer only the partners.
    /// </summary>
    public static Letter For(Session session, Pair pair, Snowflake to, Lang lang)
    {
        var letter = Letter.ToPartner(session, Kind, to, Question(session, pair, to, lang)) with
        {
            ExpiresAt = (session.ClosedAt ?? session.CloseAt) + CheckInRule.Window,
        };
        return pair.HomeChannelId is { } home
            ? letter with
            {
                FallbackChannel = home,
                FallbackSpec = new MessageSpec(CheckInTexts.PublicQuestion.Format(lang, $"<@{to}>"), AllowedMentions.Only(to), Buttons(session, lang)),
            }
            : letter;
    }
}
