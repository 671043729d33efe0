using CrossCoaching.Localization;

namespace CrossCoaching.Managers;

public static class ManagersTexts
{
    public static readonly LocalizedText PairsDescription = new(
        "The server's pairs and their health; end a pair (Manage Server)", "Les binômes du serveur et leur santé ; mettre fin à un binôme (gérer le serveur)");

    public static readonly LocalizedText Heading = new("**Pairs in this server** — {0}–{1} of {2}", "**Binômes du serveur** — {0} à {1} sur {2}");
    public static readonly LocalizedText NoPairs = new(
        "No pair in this server yet. Members pair with </pair>.", "Aucun binôme sur ce serveur pour l'instant. Les membres se mettent en binôme avec </pair>.");

    /// <summary>One pair: its number on the page, the two names, then what is known of its health.</summary>
    public static readonly LocalizedText Line = new("{0}. **{1}** & **{2}** — {3}", "{0}. **{1}** & **{2}** — {3}");
    public static readonly LocalizedText LastSession = new("last session {0}: {1}", "dernière séance {0} : {1}");
    public static readonly LocalizedText NoSessionYet = new("no session yet", "aucune séance pour l'instant");
    public static readonly LocalizedText Streak = new("streak {0}", "série {0}");
    public static readonly LocalizedText Paused = new("ritual paused", "rituel en pause");
    public static readonly LocalizedText NoRitual = new("no ritual set", "pas de rituel fixé");

    public static readonly LocalizedText AtRiskPartnerLeft = new("⚠ at risk: a partner left the server", "⚠ en danger : un partenaire a quitté le serveur");
    public static readonly LocalizedText AtRiskTwoMissed = new("⚠ at risk: the last two sessions were missed", "⚠ en danger : les deux dernières séances ont été manquées");
    public static readonly LocalizedText AtRiskQuiet = new(
        "⚠ at risk: no session held for {0} weeks", "⚠ en danger : aucune séance tenue depuis {0} semaines");

    public static readonly LocalizedText AtRiskRule = new(
        "A pair is *at risk* when a partner left the server, when its last two sessions were missed, or when it has held no " +
        "session for {0} weeks (a paused ritual included).",
        "Un binôme est *en danger* quand un partenaire a quitté le serveur, quand ses deux dernières séances ont été manquées, " +
        "ou quand il n'a tenu aucune séance depuis {0} semaines (rituel en pause compris).");

    public static readonly LocalizedText Previous = new("Previous", "Précédents");
    public static readonly LocalizedText Next = new("Next", "Suivants");
    public static readonly LocalizedText EndButton = new("End {0}", "Finir {0}");

    public static readonly LocalizedText ConfirmEnd = new(
        "End the pair of **{0}** and **{1}**? Both are told by direct message. Their coming sessions are cancelled and an open " +
        "room closes; their past sessions, takeaways and trail are kept.",
        "Mettre fin au binôme de **{0}** et **{1}** ? Les deux sont prévenus par message privé. Leurs prochaines séances sont " +
        "annulées et un salon ouvert se ferme ; leurs séances passées, enseignements et fil sont conservés.");
    public static readonly LocalizedText ConfirmButton = new("End this pair", "Mettre fin au binôme");
    public static readonly LocalizedText CancelButton = new("Cancel", "Annuler");

    public static readonly LocalizedText Ended = new(
        "Ended the pair of **{0}** and **{1}**; both are told by direct message.", "Binôme de **{0}** et **{1}** terminé ; les deux sont prévenus par message privé.");
    public static readonly LocalizedText AlreadyEnded = new(
        "That pair has ended already. Here is the list as it is now.", "Ce binôme a déjà pris fin. Voici la liste telle qu'elle est maintenant.");

    public static readonly LocalizedText EndedByManager = new(
        "A manager of **{0}** ended your pair with **{1}**. Your past sessions and takeaways are kept; to pair again, use </pair>.",
        "Un gestionnaire de **{0}** a mis fin à votre binôme avec **{1}**. Vos séances passées et vos enseignements sont conservés ; " +
        "pour former un nouveau binôme, utilisez </pair>.");
    public static readonly LocalizedText TheServer = new("the server", "le serveur");
}
