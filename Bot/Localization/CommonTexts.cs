namespace CrossCoaching.Localization;

/// <summary>Texts shared by every feature: generic failures and refusals.</summary>
public static class CommonTexts
{
    public static readonly LocalizedText InternalError = new(
        "Something went wrong on my side and nothing was changed. Please try again in a moment.",
        "Un problème est survenu de mon côté et rien n'a été modifié. Réessayez dans un instant.");

    public static readonly LocalizedText DiscordUnavailable = new(
        "Discord did not answer in time, so nothing was changed. Please try again in a moment.",
        "Discord n'a pas répondu à temps, donc rien n'a été modifié. Réessayez dans un instant.");

    public static readonly LocalizedText GuildOnly = new(
        "This command works inside a server, not in direct messages.",
        "Cette commande s'utilise dans un serveur, pas en message privé.");

    public static readonly LocalizedText NotForYou = new(
        "This button is not for you.",
        "Ce bouton ne vous est pas destiné.");

    public static readonly LocalizedText Expired = new(
        "This has expired. Run the command again.",
        "Ceci a expiré. Relancez la commande.");

    public static readonly LocalizedText NoLongerAvailable = new(
        "This command or button is no longer available. Try </help> to see what I can do.",
        "Cette commande ou ce bouton n'est plus disponible. Essayez </help> pour voir ce que je sais faire.");

    public static readonly LocalizedText PermissionRefused = new(
        "Discord refused this because I lack a permission here. Ask a server manager to check my role, then try again.",
        "Discord a refusé car il me manque une permission ici. Demandez à un gestionnaire du serveur de vérifier mon rôle, puis réessayez.");

    public static readonly LocalizedText MissingPermissions = new(
        "I lack a permission for this: {0}. Ask a server manager to grant it, then try again.",
        "Il me manque une permission pour cela : {0}. Demandez à un gestionnaire du serveur de me l'accorder, puis réessayez.");
}
