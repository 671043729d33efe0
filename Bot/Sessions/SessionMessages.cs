using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;

namespace CrossCoaching.Sessions;

/// <summary>The messages of a session, in one language. Times are Discord timestamps: each reader sees their own zone.</summary>
public static class SessionMessages
{
    /// <summary>Custom-id prefix of the reminder's buttons (skip, running late).</summary>
    public const string ButtonPrefix = "session";

    /// <summary>Custom-id prefix of "Share my takeaway" (handled by the takeaways feature).</summary>
    public const string TakeawayPrefix = "takeaway";

    public static MessageSpec Reminder(Session session, Pair pair, Snowflake to, Lang lang) => new(
        SessionTexts.Reminder.Format(lang, Markdown.Name(pair.NameOf(pair.PartnerOf(to))), Timestamps.Of(session.SlotAt, 'R'), Timestamps.Of(session.SlotAt, 't'), session.DurationMinutes)
            + (session.Place.IsOutsideDiscord() ? "\n" + PlaceTexts.ReminderLine.Format(lang, session.Place.Words(lang)) : ""),
        AllowedMentions.None,
        [ActionRow.Of(
            new Button(ButtonStyle.Secondary, SessionTexts.SkipButton[lang], ComponentId.Create(ButtonPrefix, "skip", session.Id)),
            new Button(ButtonStyle.Primary, SessionTexts.LateButton[lang], ComponentId.Create(ButtonPrefix, "late", session.Id)))]);

    public static string RoomName(Pair pair, Lang lang) => SessionTexts.RoomName.Format(lang, pair.NameA, pair.NameB);

    public static MessageSpec Welcome(Session session, Pair pair, Lang lang) => new(
        SessionTexts.Welcome.Format(lang, $"<@{pair.MemberA}>", $"<@{pair.MemberB}>", Timestamps.Of(session.EndsAt, 't'), session.DurationMinutes),
        AllowedMentions.Only(pair.MemberA, pair.MemberB), InRoom.RoomControls.Buttons(session, lang));

    public static MessageSpec Warning(Session session, Lang lang) => MessageSpec.Text(session.GraceMinutes > 0
        ? SessionTexts.Warning.Format(lang, session.GraceMinutes)
        : SessionTexts.WarningNoGrace[lang]);

    public static MessageSpec RoomDeleted(Pair pair, Snowflake to, Lang lang) =>
        MessageSpec.Text(SessionTexts.RoomDeletedByHand.Format(lang, Markdown.Name(pair.NameOf(pair.PartnerOf(to)))));

    public static MessageSpec AfterSession(Session session, Pair pair, Snowflake to, Lang lang, bool roomDeletedByHand)
    {
        var partner = Markdown.Name(pair.NameOf(pair.PartnerOf(to)));
        var text = SessionTexts.AfterSession.Format(lang, partner);
        if (roomDeletedByHand)
            text = SessionTexts.RoomDeletedByHand.Format(lang, partner) + "\n" + text;
        return new MessageSpec(text, AllowedMentions.None,
            [ActionRow.Of(new Button(ButtonStyle.Success, SessionTexts.ShareButton[lang], ComponentId.Create(TakeawayPrefix, "share", session.Id)))]);
    }
}
