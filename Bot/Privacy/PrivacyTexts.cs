using CrossCoaching.Localization;

namespace CrossCoaching.Privacy;

public static class PrivacyTexts
{
    public static readonly LocalizedText MeDescription = new("Your personal data: export it, or have it forgotten", "Vos données personnelles : les exporter, ou les faire oublier");
    public static readonly LocalizedText ExportDescription = new("Everything the bot stores about you on this server, as files", "Tout ce que le bot conserve sur vous sur ce serveur, en fichiers");
    public static readonly LocalizedText ForgetDescription = new("Delete what the bot stores about you on this server (asks first)", "Supprimer ce que le bot conserve sur vous sur ce serveur (avec confirmation)");

    public static readonly LocalizedText Exported = new(
        "Here is everything I store about you on this server: {0} pair(s), {1} session(s), {2} takeaway(s). The JSON file is for programs, the Markdown one for reading.",
        "Voici tout ce que je conserve sur vous sur ce serveur : {0} binôme(s), {1} séance(s), {2} enseignement(s). Le fichier JSON est destiné aux programmes, le fichier Markdown à la lecture.");

    public static readonly LocalizedText ConfirmForget = new(
        "Delete everything I store about you on this server? This cannot be undone.\n" +
        "• Deleted: all your takeaways (also removed from trail messages), your voice attendance, your round answers, your invitations, your entry in the matching pool and the blocks you set.\n" +
        "• In your pairs' history your name and id are replaced by “a former member”; your former partners keep their own takeaways.",
        "Supprimer tout ce que je conserve sur vous sur ce serveur ? C'est irréversible.\n" +
        "• Supprimés : tous vos enseignements (retirés aussi des messages du fil), votre présence vocale, vos réponses de fin de cycle, vos invitations, votre inscription au vivier et les blocages que vous avez posés.\n" +
        "• Dans l'historique de vos binômes, votre nom et votre identifiant sont remplacés par « un ancien membre » ; vos anciens partenaires gardent leurs propres enseignements.");
    public static readonly LocalizedText ConfirmForgetPair = new(
        "• Your pair with **{0}** ends now (future sessions are cancelled) and they are told.",
        "• Votre binôme avec **{0}** prend fin maintenant (les séances à venir sont annulées) et votre partenaire est prévenu·e.");
    public static readonly LocalizedText ForgetButton = new("Forget me", "M'oublier");
    public static readonly LocalizedText KeepButton = new("Keep my data", "Garder mes données");
    public static readonly LocalizedText Kept = new("Nothing was deleted.", "Rien n'a été supprimé.");
    public static readonly LocalizedText Forgotten = new(
        "Done. I deleted {0} takeaway(s), {1} voice attendance record(s), {2} round answer(s) and {3} invitation(s), and replaced your name and id in the history of {4} pair(s).",
        "C'est fait. J'ai supprimé {0} enseignement(s), {1} présence(s) vocale(s), {2} réponse(s) de fin de cycle et {3} invitation(s), et remplacé votre nom et votre identifiant dans l'historique de {4} binôme(s).");
    public static readonly LocalizedText ForgottenPair = new("Your pair with **{0}** has ended and they were told.", "Votre binôme avec **{0}** a pris fin et votre partenaire a été prévenu·e.");
    public static readonly LocalizedText ForgottenElsewhere = new(
        "Data on other servers is kept: run </me forget> there too if you wish.", "Les données des autres serveurs sont conservées : lancez aussi </me forget> là-bas si vous le souhaitez.");
    public static readonly LocalizedText PartnerForgot = new(
        "**{0}** asked CrossCoaching to forget them, so your pair has ended. Your own takeaways are kept; you can pair again with </pair>.",
        "**{0}** a demandé à CrossCoaching de l'oublier : votre binôme a donc pris fin. Vos propres enseignements sont conservés ; vous pouvez former un nouveau binôme avec </pair>.");

    public static readonly LocalizedText MdTitle = new("# Your CrossCoaching data", "# Vos données CrossCoaching");
    public static readonly LocalizedText MdIntro = new(
        "Server {0}, member {1}, exported {2} (UTC). The JSON file beside this one holds the same data.",
        "Serveur {0}, membre {1}, exporté le {2} (UTC). Le fichier JSON joint contient les mêmes données.");
    public static readonly LocalizedText MdPair = new("## Pair with {0} ({1})", "## Binôme avec {0} ({1})");
    public static readonly LocalizedText MdPairDates = new("Formed {0}; ended {1}; round {2}; your name: {3}.", "Formé le {0} ; terminé le {1} ; cycle {2} ; votre nom : {3}.");
    public static readonly LocalizedText MdNotEnded = new("not ended", "pas terminé");
    public static readonly LocalizedText MdRitual = new("Ritual: {0}{1}.", "Rituel : {0}{1}.");
    public static readonly LocalizedText MdPaused = new(", paused", ", en pause");
    public static readonly LocalizedText MdSessions = new("### Sessions", "### Séances");
    public static readonly LocalizedText MdSession = new("- #{0} {1} — {2}{3}; your time in the room: {4} min", "- n° {0} {1} — {2}{3} ; votre temps dans le salon : {4} min");
    public static readonly LocalizedText MdTakeaway = new("  - Your takeaway ({0}{1}):", "  - Votre enseignement ({0}{1}) :");
    public static readonly LocalizedText MdHeld = new(", not revealed yet", ", pas encore révélé");
    public static readonly LocalizedText MdRoundAnswers = new("### Round answers", "### Réponses de fin de cycle");
    public static readonly LocalizedText MdRoundAnswer = new("- Round {0}: {1} ({2})", "- Cycle {0} : {1} ({2})");
    public static readonly LocalizedText MdInvitations = new("## Invitations", "## Invitations");
    public static readonly LocalizedText MdInvitation = new("- {0} {1}: {2} ({3})", "- {0} {1} : {2} ({3})");
    public static readonly LocalizedText MdSent = new("sent to", "envoyée à");
    public static readonly LocalizedText MdReceived = new("received from", "reçue de");

    // The words the Markdown gives the JSON's codes. Pair is "binôme" (masculine); session and invitation are feminine.
    public static readonly LocalizedText MdPairActive = new("active", "actif");
    public static readonly LocalizedText MdPairSuspended = new("suspended", "suspendu");
    public static readonly LocalizedText MdPairEnded = new("ended", "terminé");
    public static readonly LocalizedText MdSessionScheduled = new("scheduled", "prévue");
    public static readonly LocalizedText MdSessionOpen = new("in progress", "en cours");
    public static readonly LocalizedText MdSessionClosed = new("ended", "terminée");
    public static readonly LocalizedText MdSessionMissed = new("missed", "manquée");
    public static readonly LocalizedText MdSessionSkipped = new("skipped", "passée");
    public static readonly LocalizedText MdSessionCancelled = new("cancelled", "annulée");
    public static readonly LocalizedText MdSessionFailed = new("failed, the room could not be made", "échouée, le salon n'a pas pu être créé");
    public static readonly LocalizedText MdOutcomeHeld = new("held", "tenue");
    public static readonly LocalizedText MdOutcomePartial = new("partial", "partielle");
    public static readonly LocalizedText MdInvitationPending = new("pending", "en attente");
    public static readonly LocalizedText MdInvitationAccepted = new("accepted", "acceptée");
    public static readonly LocalizedText MdInvitationDeclined = new("declined", "refusée");
    public static readonly LocalizedText MdInvitationExpired = new("expired", "expirée");
    public static readonly LocalizedText MdInvitationCancelled = new("cancelled", "annulée");

    public static readonly LocalizedText MdNothing = new("Nothing is stored about you on this server.", "Rien n'est conservé sur vous sur ce serveur.");
}
