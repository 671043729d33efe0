using CrossCoaching.Localization;

namespace CrossCoaching.GuildSettings;

/// <summary>What the bot tells a server's managers about a problem only they can fix.</summary>
public static class ManagerTexts
{
    public static readonly LocalizedText Header = new("**CrossCoaching on {0}**", "**CrossCoaching sur {0}**");

    public static readonly LocalizedText ForManagers = new(
        "-# For the server's managers: I could not reach the owner by direct message.",
        "-# Pour les gestionnaires du serveur : je n'ai pas pu joindre le propriétaire par message privé.");

    public static readonly LocalizedText RoomNotPrivate = new(
        "⚠️ Discord created a session room without the permissions that keep it private, so I deleted it at once and told the pair. " +
        "Check that my role has Manage Channels, View Channels and Connect at server level, and that no other bot or integration changes " +
        "the permissions of new channels in the rooms category.",
        "⚠️ Discord a créé un salon de séance sans les permissions qui le rendent privé : je l'ai supprimé aussitôt et j'ai prévenu le binôme. " +
        "Vérifiez que mon rôle a Gérer les salons, Voir les salons et Se connecter au niveau du serveur, et qu'aucun autre bot ou intégration " +
        "ne modifie les permissions des nouveaux salons de la catégorie des salons.");

    public static readonly LocalizedText RoomNotPrivateStanding = new(
        "⚠️ Discord created the session room {0} without the permissions that keep it private, and I could not delete it: please delete it now. " +
        "Then check that my role has Manage Channels, View Channels and Connect at server level.",
        "⚠️ Discord a créé le salon de séance {0} sans les permissions qui le rendent privé, et je n'ai pas pu le supprimer : supprimez-le maintenant. " +
        "Vérifiez ensuite que mon rôle a Gérer les salons, Voir les salons et Se connecter au niveau du serveur.");

    public static readonly LocalizedText CategoryGone = new(
        "⚠️ The category where I created session rooms ({0}) no longer exists. Rooms now go at the top of the channel list, still private " +
        "to each pair. Choose another category with the `category` option of </coaching setup>.",
        "⚠️ La catégorie où je créais les salons de séance ({0}) n'existe plus. Les salons vont désormais en haut de la liste des salons, " +
        "toujours privés à chaque binôme. Choisissez une autre catégorie avec l'option `catégorie` de </coaching setup>.");

    public static readonly LocalizedText CannotPost = new(
        "I could not post in {0}: my role is missing a permission there (View Channel, Send Messages, Embed Links or Attach Files). Please check that channel's permissions.",
        "Je n'ai pas pu publier dans {0} : il manque une permission à mon rôle dans ce salon (Voir le salon, Envoyer des messages, Intégrer des liens ou Joindre des fichiers). Vérifiez ses permissions.");
}
