using CrossCoaching.Localization;

namespace CrossCoaching.Sessions.InRoom;

public static class RoomTexts
{
    public static readonly LocalizedText ExtendButton = new("+5 min", "+5 min");
    public static readonly LocalizedText EndButton = new("End now", "Terminer maintenant");
    public static readonly LocalizedText ConfirmEndButton = new("Yes, end the session", "Oui, terminer la séance");
    public static readonly LocalizedText Extended = new(
        "⏱️ **{0}** added 5 minutes: the session now ends {1}, and the room closes {2}. ({3} of 3)",
        "⏱️ **{0}** a ajouté 5 minutes : la séance se termine maintenant à {1}, et le salon ferme à {2}. ({3} sur 3)");
    public static readonly LocalizedText NoMoreExtensions = new(
        "The session was already extended 3 times, the most it can be.",
        "La séance a déjà été prolongée 3 fois, le maximum.");
    public static readonly LocalizedText LongestAlready = new(
        "5 more minutes would make the session longer than {0} minutes, the longest allowed here.",
        "5 minutes de plus rendraient la séance plus longue que {0} minutes, le maximum permis ici.");
    public static readonly LocalizedText NextSessionTooClose = new(
        "5 more minutes would run into your next session, {0}.",
        "5 minutes de plus empiéteraient sur votre prochaine séance, {0}.");
    public static readonly LocalizedText NotRunning = new("This session is not running any more.", "Cette séance n'est plus en cours.");
    public static readonly LocalizedText ConfirmEnd = new(
        "End the session now for both of you? The room closes at once.",
        "Terminer la séance maintenant pour vous deux ? Le salon ferme aussitôt.");
    public static readonly LocalizedText Ending = new("Ending the session: the room closes now.", "Fin de la séance : le salon ferme maintenant.");
    public static readonly LocalizedText AlreadyEnded = new("This session has already ended.", "Cette séance est déjà terminée.");
    public static readonly LocalizedText PartnerWaiting = new(
        "**{0}** is waiting for you in your CrossCoaching room: {1}",
        "**{0}** vous attend dans votre salon CrossCoaching : {1}");
}
