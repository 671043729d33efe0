using CrossCoaching.Localization;

namespace CrossCoaching.Guilds;

public static class GuildTexts
{
    public static readonly LocalizedText BotRemoved = new(
        "CrossCoaching was removed from the server where you and **{0}** are partners, so your coming sessions there are cancelled. " +
        "If the server adds the bot back within {1} days, your pair and its ritual carry on; after that, their data is deleted.",
        "CrossCoaching a été retiré du serveur où vous êtes en binôme avec **{0}** : vos prochaines séances y sont annulées. " +
        "Si le serveur rajoute le bot d'ici {1} jours, votre binôme et son rituel reprennent ; passé ce délai, leurs données sont effacées.");
}
