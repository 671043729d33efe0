using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;

namespace CrossCoaching.Sessions.InRoom;

/// <summary>The buttons under a room's welcome: "+5 min" and "End now".</summary>
public static class RoomControls
{
    public const string Prefix = "room";

    public static IReadOnlyList<ActionRow> Buttons(Session session, Lang lang) =>
    [
        ActionRow.Of(
            new Button(ButtonStyle.Primary, RoomTexts.ExtendButton[lang], ComponentId.Create(Prefix, "extend", session.Id)),
            new Button(ButtonStyle.Danger, RoomTexts.EndButton[lang], ComponentId.Create(Prefix, "end", session.Id))),
    ];

    public static MessageSpec ConfirmEnd(long sessionId, Lang lang) => new(
        RoomTexts.ConfirmEnd[lang], AllowedMentions.None,
        [ActionRow.Of(new Button(ButtonStyle.Danger, RoomTexts.ConfirmEndButton[lang], ComponentId.Create(Prefix, "endyes", sessionId)))]);
}
