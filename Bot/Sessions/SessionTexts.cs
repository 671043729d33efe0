using CrossCoaching.Localization;

namespace CrossCoaching.Sessions;

/// <summary>What sessions say to partners: DMs, room messages and explanations. {0}… are filled by the steps.</summary>
public static class SessionTexts
{
    public static readonly LocalizedText Reminder = new(
        "⏰ Your CrossCoaching session with **{0}** starts {1} ({2}) and lasts {3} minutes. I will open a private voice room for you two.",
        "⏰ Votre séance CrossCoaching avec **{0}** commence {1} ({2}) et dure {3} minutes. J'ouvrirai un salon vocal privé pour vous deux.");

    public static readonly LocalizedText SkipButton = new("Skip this one", "Passer celle-ci");

    public static readonly LocalizedText LateButton = new("Running late (5 min)", "En retard (5 min)");

    public static readonly LocalizedText PartnerLate = new(
        "⏱️ **{0}** is running about 5 minutes late for your session.",
        "⏱️ **{0}** aura environ 5 minutes de retard pour votre séance.");

    public static readonly LocalizedText LateSent = new("⏱️ Your partner knows you are running late.", "⏱️ Votre binôme sait que vous serez en retard.");

    public static readonly LocalizedText ReminderOver = new(
        "This session is already over, so this button does nothing now.",
        "Cette séance est déjà terminée, ce bouton ne fait donc plus rien.");

    public static readonly LocalizedText LateNotSent = new(
        "⚠️ I could not reach your partner just now. Press the button again in a moment.",
        "⚠️ Je n'ai pas pu joindre votre binôme pour l'instant. Appuyez à nouveau sur le bouton dans un instant.");

    public static readonly LocalizedText RoomName = new("☕ {0} & {1}", "☕ {0} & {1}");

    public static readonly LocalizedText Welcome = new(
        "👋 {0} {1} — your room is open until {2}. {3} minutes, no agenda: just talk. I'll tell you when the time is up.",
        "👋 {0} {1} — votre salon est ouvert jusqu'à {2}. {3} minutes, sans ordre du jour : parlez simplement. Je vous préviendrai quand le temps sera écoulé.");

    public static readonly LocalizedText Warning = new(
        "⌛ Time's up! Wrap up in the next {0} minutes, then share one takeaway each with </takeaway>.",
        "⌛ C'est l'heure ! Concluez dans les {0} prochaines minutes, puis partagez chacun un enseignement avec </takeaway>.");

    public static readonly LocalizedText WarningNoGrace = new(
        "⌛ Time's up! Thank you both — share one takeaway each with </takeaway>.",
        "⌛ C'est l'heure ! Merci à vous deux — partagez chacun un enseignement avec </takeaway>.");

    public static readonly LocalizedText AfterSession = new(
        "Thank you for your session with **{0}**. What will you take away from it? Share it in one sentence or a few.",
        "Merci pour votre séance avec **{0}**. Qu'en retenez-vous ? Partagez-le en une phrase ou quelques-unes.");

    public static readonly LocalizedText ShareButton = new("Share my takeaway", "Partager mon enseignement");

    /// <summary>Sent when preparing the room ahead fails; opening tries once more at the slot.</summary>
    public static readonly LocalizedText RoomNotCreated = new(
        "⚠️ I could not prepare the voice room for your session with **{0}** at {1}. {2} I will try once more when the session starts.",
        "⚠️ Je n'ai pas pu préparer le salon vocal de votre séance avec **{0}** à {1}. {2} Je réessaierai une fois au début de la séance.");

    /// <summary>Sent when opening fails at the slot: no further try, the session is marked failed.</summary>
    public static readonly LocalizedText SessionFailed = new(
        "⚠️ Your session with **{0}** could not take place: I could not open its voice room. {1} The next one is planned as usual.",
        "⚠️ Votre séance avec **{0}** n'a pas pu avoir lieu : je n'ai pas pu ouvrir son salon vocal. {1} La suivante est prévue normalement.");

    /// <summary>The bot's view of the server shows which permissions it lacks.</summary>
    public static readonly LocalizedText PermissionsMissing = new(
        "I lack these permissions: {0}. A server manager can grant them to my role (or in the rooms category).",
        "Il me manque ces permissions : {0}. Un gestionnaire du serveur peut me les accorder (à mon rôle ou dans la catégorie des salons).");

    /// <summary>Discord refused for a missing permission without saying which, and the bot's view shows none missing.</summary>
    public static readonly LocalizedText PermissionRefused = new(
        "Discord refused for lack of a permission without saying which; it is one of these that the room needs: {0}. " +
        "A server manager can check that my role has each of them, also in the rooms category.",
        "Discord a refusé faute d'une permission sans dire laquelle ; c'est l'une de celles-ci, dont le salon a besoin : {0}. " +
        "Un gestionnaire du serveur peut vérifier que mon rôle les a toutes, aussi dans la catégorie des salons.");

    public static readonly LocalizedText GuildFull = new(
        "The server has 500 channels, Discord's maximum; a server manager can delete unused channels.",
        "Le serveur compte 500 salons, le maximum de Discord ; un gestionnaire peut supprimer des salons inutilisés.");

    public static readonly LocalizedText RoomRefused = new(
        "Discord refused the room's settings; whoever runs the bot finds the details in its log.",
        "Discord a refusé les réglages du salon ; la personne qui héberge le bot en trouve le détail dans son journal.");

    public static readonly LocalizedText RoomNotPrivate = new(
        "Discord created the room without the permissions that keep it private to you two, so I deleted it at once; the server's managers are told what to fix.",
        "Discord a créé le salon sans les permissions qui le réservent à vous deux : je l'ai donc supprimé aussitôt ; les gestionnaires du serveur savent quoi corriger.");

    public static readonly LocalizedText PartnerLeft = new(
        "Your partner **{0}** is no longer on the server, so your pair is suspended and no sessions are planned. If they come back, either of you can resume it with </ritual resume>; or use </unpair> to end it and pair with someone else.",
        "Votre binôme **{0}** n'est plus sur le serveur : votre binôme est suspendu et aucune séance n'est prévue. S'il revient, l'un de vous peut le relancer avec </ritual resume> ; ou utilisez </unpair> pour y mettre fin et former un autre binôme.");

    public static readonly LocalizedText RoomDeletedByHand = new(
        "The room of your session with **{0}** was deleted, so the session ended there.",
        "Le salon de votre séance avec **{0}** a été supprimé : la séance s'est donc arrêtée là.");

    // Skipping a session ahead of its slot, from /ritual skip or the reminder's button.
    public static readonly LocalizedText Skipped = new("Skipped the session of {0}. Next one: {1}.", "Séance du {0} passée. La suivante : {1}.");
    public static readonly LocalizedText PartnerSkipped = new("**{0}** skipped your session of {1}. Next one: {2}.", "**{0}** a passé votre séance du {1}. La suivante : {2}.");
    public static readonly LocalizedText NothingToSkip = new("There is no upcoming session to skip.", "Il n'y a pas de séance à venir à passer.");
    public static readonly LocalizedText AlreadyStarted = new("Your session has already started; it can no longer be skipped.", "Votre séance a déjà commencé ; elle ne peut plus être passée.");
}
