using CrossCoaching.Localization;

namespace CrossCoaching.Messaging;

public static class MessagingTexts
{
    /// <summary>Posted where others read: a bare mention and nothing private.</summary>
    public static readonly LocalizedText DmsClosed = new(
        "{0} I have a reminder for you, but your direct messages are closed. Open them to receive it.",
        "{0} j'ai un rappel pour vous, mais vos messages privés sont fermés. Ouvrez-les pour le recevoir.");

    /// <summary>To the managers: a post Discord refused in a server channel for a missing permission.</summary>
    public static readonly LocalizedText CannotPost = new(
        "I could not post in {0}: my role is missing a permission there (View Channel, Send Messages, Embed Links or Attach Files). Please check that channel's permissions.",
        "Je n'ai pas pu publier dans {0} : il manque une permission à mon rôle dans ce salon (Voir le salon, Envoyer des messages, Intégrer des liens ou Joindre des fichiers). Vérifiez ses permissions.");
}
