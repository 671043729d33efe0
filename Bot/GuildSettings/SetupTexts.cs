using CrossCoaching.Localization;

namespace CrossCoaching.GuildSettings;

public static class SetupTexts
{
    public static readonly LocalizedText GroupDescription = new("Server settings of CrossCoaching", "Réglages de CrossCoaching pour ce serveur");
    public static readonly LocalizedText SetupDescription = new("Set where rooms go, the trail channel, time zone and language", "Choisir où vont les salons, le fil des enseignements, le fuseau et la langue");
    public static readonly LocalizedText CategoryOption = new("Category where session rooms are created", "Catégorie où les salons de séance sont créés");
    public static readonly LocalizedText TrailOption = new("Text channel where public takeaways are posted", "Salon textuel où les enseignements publics sont publiés");
    public static readonly LocalizedText TimezoneOption = new("Default time zone of new rituals (e.g. Europe/Paris)", "Fuseau horaire par défaut des rituels (ex. Europe/Paris)");
    public static readonly LocalizedText LanguageOption = new("Language of reminders and room messages", "Langue des rappels et des messages des salons");
    public static readonly LocalizedText RoundOption = new("Sessions in a round before partners decide to go on", "Séances par cycle avant que les binômes décident de continuer");
    public static readonly LocalizedText PoolEveryOption = new("How often the matching pool proposes partners", "À quelle fréquence le vivier propose des binômes");
    public static readonly LocalizedText PoolRoleOption = new("Only members with this role may enter the matching pool", "Seuls les membres ayant ce rôle peuvent entrer dans le vivier");
    public static readonly LocalizedText PoolOpenOption = new("Whether members may enter the matching pool", "Si les membres peuvent entrer dans le vivier");
    public static readonly LocalizedText ClearOption = new("Remove one setting", "Retirer un réglage");

    public static readonly LocalizedText Saved = new("Settings saved.", "Réglages enregistrés.");
    public static readonly LocalizedText Current = new("**CrossCoaching settings**", "**Réglages de CrossCoaching**");
    public static readonly LocalizedText RoomsIn = new("Rooms: in {0}", "Salons : dans {0}");
    public static readonly LocalizedText RoomsTopLevel = new("Rooms: at the top of the channel list (no category set)", "Salons : en haut de la liste des salons (aucune catégorie choisie)");
    public static readonly LocalizedText RoomsCategoryLost = new(
        "Rooms: ⚠️ their category {0} was deleted, so they go at the top of the channel list (still private) until you choose another category.",
        "Salons : ⚠️ leur catégorie {0} a été supprimée, ils vont donc en haut de la liste des salons (toujours privés) jusqu'à ce que vous choisissiez une autre catégorie.");
    public static readonly LocalizedText TrailIn = new("Trail: {0}", "Fil des enseignements : {0}");
    public static readonly LocalizedText NoTrail = new(
        "Trail: none — public takeaways are shown to the partner only until you choose a trail channel.",
        "Fil des enseignements : aucun — les enseignements publics ne sont montrés qu'au binôme tant qu'aucun salon n'est choisi.");
    public static readonly LocalizedText ZoneIs = new("Default time zone: {0}", "Fuseau horaire par défaut : {0}");
    public static readonly LocalizedText NoZone = new("Default time zone: none (each pair gives theirs)", "Fuseau horaire par défaut : aucun (chaque binôme donne le sien)");
    public static readonly LocalizedText LanguageIs = new("Language: {0}", "Langue : {0}");
    public static readonly LocalizedText LanguageFromServer = new("Language: the server's ({0})", "Langue : celle du serveur ({0})");
    public static readonly LocalizedText RoundIs = new("Round: {0} sessions", "Cycle : {0} séances");
    public static readonly LocalizedText PoolIsOpen = new("Matching pool: open to {1}, matching every {0} h", "Vivier de binômes : ouvert à {1}, propositions toutes les {0} h");
    public static readonly LocalizedText PoolIsClosed = new("Matching pool: closed (would match every {0} h, open to {1})", "Vivier de binômes : fermé (propositions toutes les {0} h, ouvert à {1})");
    public static readonly LocalizedText PoolEveryone = new("everyone", "tout le monde");

    /// <summary>The pool's cadences offered to managers, in hours.</summary>
    public static IReadOnlyList<Discord.Interactions.CommandChoice> PoolCadences() =>
    [
        new("every 6 hours", "6", Discord.Interactions.Localizations.French("toutes les 6 heures")),
        new("every 12 hours", "12", Discord.Interactions.Localizations.French("toutes les 12 heures")),
        new("daily", "24", Discord.Interactions.Localizations.French("chaque jour")),
        new("every 2 days", "48", Discord.Interactions.Localizations.French("tous les 2 jours")),
        new("weekly", "168", Discord.Interactions.Localizations.French("chaque semaine")),
    ];

    public static readonly LocalizedText AllGood = new("✅ I have every permission I need.", "✅ J'ai toutes les permissions nécessaires.");
    public static readonly LocalizedText MissingForRooms = new(
        "⚠️ To open rooms there, I am missing: {0}. Grant them to my role, or in the category's permissions.",
        "⚠️ Pour y ouvrir des salons, il me manque : {0}. Accordez-les à mon rôle, ou dans les permissions de la catégorie.");
    public static readonly LocalizedText CategoryNotFound = new(
        "⚠️ I cannot find the rooms category {0} any more: it was probably deleted. Until you choose another one, rooms go at the top of the channel list (still private).",
        "⚠️ Je ne trouve plus la catégorie des salons {0} : elle a sans doute été supprimée. Tant que vous n'en choisissez pas une autre, les salons vont en haut de la liste (toujours privés).");
    public static readonly LocalizedText MissingForTrail = new(
        "⚠️ To post in the trail channel, I am missing: {0}.",
        "⚠️ Pour publier dans le fil des enseignements, il me manque : {0}.");
    public static readonly LocalizedText CannotCheck = new(
        "I cannot check my permissions yet (I am still receiving this server's details); run the command again in a minute.",
        "Je ne peux pas encore vérifier mes permissions (je reçois encore les informations du serveur) ; relancez la commande dans une minute.");
    public static readonly LocalizedText NotACategory = new("{0} is not a category; pick a category for the rooms.", "{0} n'est pas une catégorie ; choisissez une catégorie pour les salons.");
    public static readonly LocalizedText NotATextChannel = new("{0} is not a text channel; pick one for the trail.", "{0} n'est pas un salon textuel ; choisissez-en un pour le fil.");
    public static readonly LocalizedText UnknownZone = new(
        "I don't know the time zone \"{0}\". Use an IANA name such as Europe/Paris or America/New_York (start typing to get suggestions).",
        "Je ne connais pas le fuseau horaire « {0} ». Utilisez un nom IANA comme Europe/Paris ou America/New_York (commencez à taper pour avoir des suggestions).");
    public static readonly LocalizedText ManagersOnly = new(
        "Only members who can manage the server can use this command.", "Seuls les membres qui peuvent gérer le serveur peuvent utiliser cette commande.");
}
