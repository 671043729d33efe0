using CrossCoaching.Localization;

namespace CrossCoaching.Progress;

public static class ProgressTexts
{
    public static readonly LocalizedText StatsDescription = new(
        "Your pair's sessions, streaks and minutes together", "Les séances, séries et minutes ensemble de votre binôme");

    public static readonly LocalizedText PairHeader = new("📊 **Your pair with {0}**", "📊 **Votre binôme avec {0}**");
    public static readonly LocalizedText PairHeaderEnded = new("📊 **Your pair with {0}** (ended)", "📊 **Votre binôme avec {0}** (terminé)");
    public static readonly LocalizedText PairHeaderSuspended = new("📊 **Your pair with {0}** (suspended)", "📊 **Votre binôme avec {0}** (suspendu)");
    public static readonly LocalizedText Sessions = new(
        "Sessions: **{0}** held · **{1}** partial · **{2}** missed · **{3}** skipped",
        "Séances — tenues : **{0}** · partielles : **{1}** · manquées : **{2}** · passées : **{3}**");
    public static readonly LocalizedText Attendance = new(
        "Your attendance: **{0}%** ({1} of the {2} sessions that took place)",
        "Votre présence : **{0} %** ({1} sur {2} séances qui ont eu lieu)");
    public static readonly LocalizedText NoAttendanceYet = new(
        "Your attendance: — (no session has taken place yet)", "Votre présence : — (aucune séance n'a encore eu lieu)");
    public static readonly LocalizedText Minutes = new("Minutes together: **{0}**", "Minutes ensemble : **{0}**");
    public static readonly LocalizedText Streak = new(
        "Streak: **{0}** held in a row (longest: **{1}**)", "Série de séances tenues : **{0}** (record : **{1}**)");
    public static readonly LocalizedText Summary = new(
        "{0} held · {1} partial · {2} missed · {3} min together · longest streak {4}",
        "tenues : {0} · partielles : {1} · manquées : {2} · {3} min ensemble · meilleure série : {4}");

    public static readonly LocalizedText RoundLine = new("Round {0}: {1}/{2} sessions", "Cycle {0} : {1}/{2} séances");
    public static readonly LocalizedText RoundWaiting = new(
        "Round {0}: {1}/{1} sessions — complete; waiting for both answers (Continue / Stop, in my direct message)",
        "Cycle {0} : {1}/{1} séances — terminé ; en attente de vos deux réponses (Continuer / Arrêter, dans mon message privé)");
    public static readonly LocalizedText RoundsOfEndedPair = new("Rounds: {0} (the pair has ended)", "Cycles : {0} (le binôme est terminé)");

    public static readonly LocalizedText ServerHeader = new("🏢 **This server**", "🏢 **Ce serveur**");
    public static readonly LocalizedText ActivePairs = new("Active pairs: **{0}**", "Binômes actifs : **{0}**");
    public static readonly LocalizedText AtRiskNone = new(
        "Pairs at risk (their last two sessions were missed): none", "Binômes en difficulté (leurs deux dernières séances manquées) : aucun");
    public static readonly LocalizedText AtRisk = new(
        "Pairs at risk (their last two sessions were missed): **{0}**", "Binômes en difficulté (leurs deux dernières séances manquées) : **{0}**");
    public static readonly LocalizedText AtRiskPair = new("• **{0}** & **{1}**", "• **{0}** et **{1}**");
    public static readonly LocalizedText AtRiskMore = new("• … and {0} more", "• … et {0} autres");

    public static readonly LocalizedText Question = new(
        "🏁 Round {0} with **{1}** is complete: {2} sessions.\n{3}\nGo on for another round of {2} sessions? Your pair continues only if you both say yes.",
        "🏁 Le cycle {0} avec **{1}** est terminé : {2} séances.\n{3}\nContinuer pour un nouveau cycle de {2} séances ? Votre binôme continue seulement si vous dites oui tous les deux.");
    public static readonly LocalizedText ContinueButton = new("Continue", "Continuer");
    public static readonly LocalizedText StopButton = new("Stop", "Arrêter");
    public static readonly LocalizedText KeepGoingButton = new("Keep going, stop asking", "Continuer sans plus demander");
    public static readonly LocalizedText NoMoreQuestions = new(
        "From now on your rounds go on without this question. Either of you can run </ritual rounds> to be asked again.",
        "Désormais, vos cycles continuent sans cette question. L'un ou l'autre peut lancer </ritual rounds> pour qu'elle revienne.");
    public static readonly LocalizedText RoundsDescription = new(
        "Be asked again at the end of each round whether to go on", "Être de nouveau consulté à la fin de chaque cycle");
    public static readonly LocalizedText AskingAgain = new(
        "Done: at the end of round {0} ({1}/{2} sessions so far), you will both be asked whether to go on.",
        "C'est noté : à la fin du cycle {0} ({1}/{2} séances pour l'instant), on vous demandera à tous les deux si vous continuez.");
    public static readonly LocalizedText AlreadyAsking = new(
        "You are already asked at the end of each round.", "Vous êtes déjà consultés à la fin de chaque cycle.");
    public static readonly LocalizedText PartnerAsksAgain = new(
        "**{0}** asked for the round question to come back: at the end of round {1}, you will both be asked whether to go on.",
        "**{0}** a demandé le retour de la question : à la fin du cycle {1}, on vous demandera à tous les deux si vous continuez.");
    public static readonly LocalizedText RoundQuiet = new(
        "Round {0}: {1}/{2} sessions (not asking at the end of rounds; </ritual rounds> asks again)",
        "Cycle {0} : {1}/{2} séances (sans question en fin de cycle ; </ritual rounds> la fait revenir)");

    public static readonly LocalizedText ChoseContinueWaiting = new(
        "Round {0} with **{1}**: you chose to continue. Waiting for the answer of **{1}**.",
        "Cycle {0} avec **{1}** : vous avez choisi de continuer. En attente de la réponse de **{1}**.");
    public static readonly LocalizedText ChoseContinueBoth = new(
        "Round {0} with **{1}**: you both chose to continue. Round {2} begins!",
        "Cycle {0} avec **{1}** : vous avez tous les deux choisi de continuer. Le cycle {2} commence !");
    public static readonly LocalizedText ChoseStop = new(
        "Round {0} with **{1}**: you chose to stop. Your pair ends here.",
        "Cycle {0} avec **{1}** : vous avez choisi d'arrêter. Votre binôme s'arrête ici.");
    public static readonly LocalizedText AlreadyContinued = new("You already chose to continue for this round.", "Vous avez déjà choisi de continuer pour ce cycle.");
    public static readonly LocalizedText AlreadyStopped = new("You already chose to stop for this round.", "Vous avez déjà choisi d'arrêter pour ce cycle.");
    public static readonly LocalizedText RoundSettled = new(
        "This question is about a round that is already settled.", "Cette question porte sur un cycle déjà réglé.");
    public static readonly LocalizedText PairEnded = new("This pair has ended.", "Ce binôme est terminé.");

    public static readonly LocalizedText NextRound = new(
        "🔁 You and **{0}** both chose to go on: round {1} begins ({2} sessions). Next session: {3}.",
        "🔁 **{0}** et vous avez choisi de continuer : le cycle {1} commence ({2} séances). Prochaine séance : {3}.");
    public static readonly LocalizedText NextRoundResumed = new(
        "🔁 You and **{0}** both chose to go on: round {1} begins ({2} sessions) and your ritual is back on. Next session: {3}.",
        "🔁 **{0}** et vous avez choisi de continuer : le cycle {1} commence ({2} séances) et votre rituel reprend. Prochaine séance : {3}.");
    public static readonly LocalizedText StoppedSelf = new(
        "🙏 Your pair with **{0}** ends here, after {1} round(s).\n{2}\nThank you for the conversations! Your trail is kept; you can pair again with </pair>.",
        "🙏 Votre binôme avec **{0}** s'arrête ici, après {1} cycle(s).\n{2}\nMerci pour ces échanges ! Votre fil est conservé ; vous pouvez former un nouveau binôme avec </pair>.");
    public static readonly LocalizedText StoppedByPartner = new(
        "🙏 **{0}** chose not to go on for another round, so your pair ends here, after {1} round(s).\n{2}\nThank you for the conversations! Your trail is kept; you can pair again with </pair>.",
        "🙏 **{0}** a choisi de ne pas continuer pour un nouveau cycle : votre binôme s'arrête ici, après {1} cycle(s).\n{2}\nMerci pour ces échanges ! Votre fil est conservé ; vous pouvez former un nouveau binôme avec </pair>.");
    public static readonly LocalizedText PausedAwaitingYou = new(
        "⏸️ Your ritual with **{0}** is paused: round {1} ended a week ago and you have not both answered. It resumes as soon as you both press **Continue**; **Stop** ends the pair.",
        "⏸️ Votre rituel avec **{0}** est en pause : le cycle {1} s'est terminé il y a une semaine et vous n'avez pas répondu tous les deux. Il reprend dès que vous appuyez tous les deux sur **Continuer** ; **Arrêter** met fin au binôme.");
    public static readonly LocalizedText PausedAwaitingPartner = new(
        "⏸️ Your ritual with **{0}** is paused: round {1} ended a week ago and **{0}** has not answered yet. It resumes as soon as they press **Continue**.",
        "⏸️ Votre rituel avec **{0}** est en pause : le cycle {1} s'est terminé il y a une semaine et **{0}** n'a pas encore répondu. Il reprend dès qu'il ou elle appuie sur **Continuer**.");
}
