using CrossCoaching.Localization;

namespace CrossCoaching.Sessions.Elsewhere;

public static class CheckInTexts
{
    public static readonly LocalizedText QuestionElsewhere = new(
        "Your CrossCoaching talk with **{0}** was planned {1}, {2}. Did you talk?",
        "Votre échange CrossCoaching avec **{0}** était prévu {1}, {2}. Avez-vous parlé ?");
    public static readonly LocalizedText QuestionEmptyRoom = new(
        "Nobody came to your CrossCoaching room with **{0}** {1}. Did you talk anyway, somewhere else?",
        "Personne n'est venu dans votre salon CrossCoaching avec **{0}** {1}. Avez-vous parlé quand même, ailleurs ?");
    public static readonly LocalizedText PublicQuestion = new(
        "{0} did your CrossCoaching talk take place? (I could not ask you by direct message.)",
        "{0} votre échange CrossCoaching a-t-il eu lieu ? (Je n'ai pas pu vous le demander en message privé.)");
    public static readonly LocalizedText Talked = new("We talked", "Nous avons parlé");
    public static readonly LocalizedText DidNotTalk = new("We didn't", "Nous n'avons pas parlé");
    public static readonly LocalizedText NotedTalked = new(
        "✅ Noted: you talked. It counts in </stats> like a session held in the room.",
        "✅ C'est noté : vous avez parlé. Cela compte dans </stats> comme une séance tenue dans le salon.");
    public static readonly LocalizedText NotedNotTalked = new("Noted: you did not talk this time.", "C'est noté : vous n'avez pas parlé cette fois.");
    public static readonly LocalizedText WaitingForPartner = new(
        "Until your partner answers too, it counts as partial.",
        "Tant que votre partenaire n'a pas répondu aussi, elle compte comme partielle.");
    public static readonly LocalizedText BothTalked = new("You both said so: the session counts as held.", "Vous l'avez dit tous les deux : la séance compte comme tenue.");
    public static readonly LocalizedText Expired = new(
        "This check-in is closed: it stays open {0} days after the session.",
        "Ce point est clos : il reste ouvert {0} jours après la séance.");
    public static readonly LocalizedText NotOffered = new("This session needs no check-in.", "Cette séance n'a pas besoin de point.");
}
