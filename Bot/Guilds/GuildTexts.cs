using CrossCoaching.Localization;

namespace CrossCoaching.Guilds;

public static class GuildTexts
{
    public static readonly LocalizedText BotRemoved = new(
        "CrossCoaching was removed from the server where you and **{0}** are partners, so your coming sessions there are cancelled. " +
        "If the server adds the bot back within {1} days, your pair and its ritual carry on; after that, their data is deleted.",
        "CrossCoaching a été retiré du serveur où vous êtes en binôme avec **{0}** : vos prochaines séances y sont annulées. " +
        "Si le serveur rajoute le bot d'ici {1} jours, votre binôme et son rituel reprennent ; passé ce délai, leurs données sont effacées.");

    public static readonly LocalizedText Welcome = new(
        "Hello **{0}**! I am CrossCoaching: I help members hold a short, regular talk with one peer. A server manager " +
        "starts with </coaching setup> (the rooms' category, the time zone, the language); members then pair up with " +
        "</pair>. </help> tells the rest.",
        "Bonjour **{0}** ! Je suis CrossCoaching : j'aide les membres à tenir un échange court et régulier avec un binôme. " +
        "Un gestionnaire du serveur commence par </coaching setup> (la catégorie des salons, le fuseau horaire, la langue) ; " +
        "les membres se mettent ensuite en binôme avec </pair>. </help> explique le reste.");
}
