using CrossCoaching.Localization;

namespace CrossCoaching.Rituals;

public static class RitualTexts
{
    public static readonly LocalizedText GroupDescription = new("Your pair's recurring slot", "Le créneau régulier de votre binôme");
    public static readonly LocalizedText SetDescription = new("Set or change your pair's slot and where you talk", "Fixer ou changer le créneau de votre binôme et où vous parlez");
    public static readonly LocalizedText ShowDescription = new("Show your ritual and its next sessions", "Afficher votre rituel et ses prochaines séances");
    public static readonly LocalizedText SkipDescription = new("Skip the next session", "Passer la prochaine séance");
    public static readonly LocalizedText PauseDescription = new("Pause your ritual, optionally until a date", "Mettre votre rituel en pause, éventuellement jusqu'à une date");
    public static readonly LocalizedText ResumeDescription = new("Resume your paused ritual", "Reprendre votre rituel en pause");
    public static readonly LocalizedText NowDescription = new("Open a room right now for an impromptu session", "Ouvrir un salon tout de suite pour une séance impromptue");
    public static readonly LocalizedText CalendarDescription = new("Get your ritual as a calendar file (.ics)", "Obtenir votre rituel sous forme de fichier d'agenda (.ics)");
    public static readonly LocalizedText DayOption = new("Day of the week", "Jour de la semaine");
    public static readonly LocalizedText TimeOption = new("Time, e.g. 14:00, 14h30 or 2pm", "Heure, par ex. 14:00, 14h30 ou 2pm");
    public static readonly LocalizedText ZoneOption = new("Time zone, e.g. Europe/Paris", "Fuseau horaire, par ex. Europe/Paris");
    public static readonly LocalizedText EveryOption = new("How often (default: every week)", "Fréquence (par défaut : chaque semaine)");
    public static readonly LocalizedText DurationOption = new("Length of a session in minutes", "Durée d'une séance en minutes");
    public static readonly LocalizedText ReminderOption = new("Reminder, minutes before (0 = none)", "Rappel, en minutes avant (0 = aucun)");
    public static readonly LocalizedText UntilOption = new("Resume by itself on this date (YYYY-MM-DD)", "Reprendre automatiquement à cette date (AAAA-MM-JJ)");

    public static readonly LocalizedText Week = new("Every week", "Chaque semaine");
    public static readonly LocalizedText TwoWeeks = new("Every 2 weeks", "Toutes les 2 semaines");
    public static readonly LocalizedText First = new("First of the month", "Premier du mois");
    public static readonly LocalizedText Second = new("Second of the month", "Deuxième du mois");
    public static readonly LocalizedText Third = new("Third of the month", "Troisième du mois");
    public static readonly LocalizedText Fourth = new("Fourth of the month", "Quatrième du mois");
    public static readonly LocalizedText Last = new("Last of the month", "Dernier du mois");

    public static readonly LocalizedText EveryWeekOn = new("every {0} at {1}", "chaque {0} à {1}");
    public static readonly LocalizedText EveryTwoWeeksOn = new("every other {0} at {1}", "un {0} sur deux à {1}");
    public static readonly LocalizedText MonthlyOn = new("the {0} {1} of each month at {2}", "le {0} {1} de chaque mois à {2}");
    public static readonly LocalizedText Summary = new("{0} ({1}), {2} minutes, {3}", "{0} ({1}), {2} minutes, {3}");
    public static readonly LocalizedText ReminderBefore = new("reminder {0} minutes before", "rappel {0} minutes avant");
    public static readonly LocalizedText NoReminder = new("no reminder", "sans rappel");
    public static readonly LocalizedText NextSessions = new("Next sessions:", "Prochaines séances :");
    public static readonly LocalizedText SkippedMark = new("{0} — skipped", "{0} — passée");

    public static readonly LocalizedText Saved = new("✅ Your ritual: {0}.", "✅ Votre rituel : {0}.");
    public static readonly LocalizedText PartnerChanged = new("**{0}** changed your CrossCoaching ritual: {1}.", "**{0}** a modifié votre rituel CrossCoaching : {1}.");
    public static readonly LocalizedText BadTime = new(
        "I could not read the time \"{0}\". Write it like 14:00, 14h30 or 2:30 pm.",
        "Je n'ai pas pu lire l'heure « {0} ». Écrivez-la comme 14:00, 14h30 ou 2:30 pm.");
    public static readonly LocalizedText BadDay = new("Pick the day from the list.", "Choisissez le jour dans la liste.");
    public static readonly LocalizedText ZoneNeeded = new(
        "Which time zone? Add the `timezone` option (e.g. Europe/Paris) — or a server manager can set a default with </coaching setup>.",
        "Quel fuseau horaire ? Ajoutez l'option `fuseau` (par ex. Europe/Paris) — ou un gestionnaire peut en fixer un par défaut avec </coaching setup>.");
    public static readonly LocalizedText DurationRange = new("The duration must be from {0} to {1} minutes.", "La durée doit être comprise entre {0} et {1} minutes.");
    public static readonly LocalizedText ReminderRange = new("The reminder must be from 0 to {0} minutes before.", "Le rappel doit être compris entre 0 et {0} minutes avant.");
    public static readonly LocalizedText NoRitual = new("Your pair has no ritual yet. Set one with </ritual set>.", "Votre binôme n'a pas encore de rituel. Fixez-en un avec </ritual set>.");

    public static readonly LocalizedText Paused = new("⏸️ Your ritual is paused.", "⏸️ Votre rituel est en pause.");
    public static readonly LocalizedText PausedUntil = new("⏸️ Your ritual is paused until {0}; it resumes by itself then.", "⏸️ Votre rituel est en pause jusqu'au {0} ; il reprendra tout seul à cette date.");
    public static readonly LocalizedText PartnerPaused = new("**{0}** paused your CrossCoaching ritual.", "**{0}** a mis votre rituel CrossCoaching en pause.");
    public static readonly LocalizedText PartnerPausedUntil = new("**{0}** paused your CrossCoaching ritual until {1}.", "**{0}** a mis votre rituel CrossCoaching en pause jusqu'au {1}.");
    public static readonly LocalizedText BadDate = new("I could not read the date \"{0}\". Write it like 2026-12-24.", "Je n'ai pas pu lire la date « {0} ». Écrivez-la comme 2026-12-24.");
    public static readonly LocalizedText DateNotAhead = new("The date must be after today and within a year.", "La date doit être postérieure à aujourd'hui et dans moins d'un an.");
    public static readonly LocalizedText Resumed = new("▶️ Your ritual is back on. Next session: {0}.", "▶️ Votre rituel reprend. Prochaine séance : {0}.");
    public static readonly LocalizedText PartnerResumed = new("**{0}** resumed your CrossCoaching ritual. Next session: {1}.", "**{0}** a repris votre rituel CrossCoaching. Prochaine séance : {1}.");
    public static readonly LocalizedText AutoResumed = new("▶️ Your CrossCoaching ritual with **{0}** is back on after its pause. Next session: {1}.", "▶️ Votre rituel CrossCoaching avec **{0}** reprend après sa pause. Prochaine séance : {1}.");
    public static readonly LocalizedText PartnerStillAway = new(
        "**{0}** is not a member of this server at the moment, so your pair stays suspended. Once they are back, run this command again.",
        "**{0}** n'est pas membre de ce serveur en ce moment : votre binôme reste suspendu. Dès son retour, relancez cette commande.");
    public static readonly LocalizedText PairBack = new(
        "▶️ Your pair with **{0}** is back on. Next session: {1}.", "▶️ Votre binôme avec **{0}** reprend. Prochaine séance : {1}.");
    public static readonly LocalizedText PartnerBroughtBack = new(
        "▶️ **{0}** resumed your CrossCoaching pair. Next session: {1}.", "▶️ **{0}** a relancé votre binôme CrossCoaching. Prochaine séance : {1}.");
    public static readonly LocalizedText NotPaused = new("Your ritual is not paused.", "Votre rituel n'est pas en pause.");
    public static readonly LocalizedText NowOpening = new("Opening a room for you two now ({0} minutes).", "J'ouvre un salon pour vous deux maintenant ({0} minutes).");
    public static readonly LocalizedText AlreadyOpen = new("A session of yours is already open.", "Une de vos séances est déjà ouverte.");
    public static readonly LocalizedText SessionSoon = new(
        "A session of yours starts {0}: meet there rather than in a second room.",
        "Une de vos séances commence {0} : retrouvez-vous-y plutôt que dans un second salon.");
    public static readonly LocalizedText GuildFull = new(
        "This server already has {0} impromptu rooms, the most it allows at once. Try again when one has closed.",
        "Ce serveur a déjà {0} salons impromptus, le maximum permis à la fois. Réessayez quand l'un d'eux sera fermé.");
    public static readonly LocalizedText CalendarReply = new(
        "Here is your ritual as a calendar file: open it to add the recurring event to your own calendar (skipped sessions are left out).",
        "Voici votre rituel en fichier d'agenda : ouvrez-le pour ajouter l'événement récurrent à votre agenda (les séances passées sont exclues).");
    public static readonly LocalizedText CalendarSummary = new("CrossCoaching with {0}", "CrossCoaching avec {0}");
    public static readonly LocalizedText CalendarDetails = new(
        "Your CrossCoaching session: the bot opens a private voice room on the server at this time.",
        "Votre séance CrossCoaching : le bot ouvre un salon vocal privé sur le serveur à cette heure-là.");
    public static readonly LocalizedText StoredZoneUnknown = new(
        "Your ritual's time zone \"{0}\" is not in my time-zone database. Set it again with </ritual set> and a zone such as Europe/Paris.",
        "Le fuseau horaire de votre rituel, « {0} », n'est pas dans ma base des fuseaux. Redéfinissez-le avec </ritual set> et un fuseau comme Europe/Paris.");
    public static readonly LocalizedText ShowHeader = new("**Your ritual with {0}**: {1}.", "**Votre rituel avec {0}** : {1}.");
}
