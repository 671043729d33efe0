using CrossCoaching.Localization;

namespace CrossCoaching.Help;

public static class HelpTexts
{
    public static readonly LocalizedText CommandDescription = new(
        "What CrossCoaching does, and its commands",
        "Ce que fait CrossCoaching, et ses commandes");

    public static readonly LocalizedText Title = new("CrossCoaching", "CrossCoaching");

    public static readonly LocalizedText Intro = new(
        "CrossCoaching keeps you and one peer talking on a short, fixed, recurring slot — say every Monday at 14:00 for " +
        "15 minutes — with nothing to organise. Pick a partner with </pair>, or give </pair> the times that suit you and " +
        "the matching pool finds someone whose slots fit yours; fix your slot with </ritual set>, and at each " +
        "slot I remind you both, open a private voice room, warn when the time-box ends and close it. Afterwards each of " +
        "you shares one takeaway with </takeaway>, building your trail.",
        "CrossCoaching vous fait échanger avec un binôme sur un créneau court, fixe et régulier — par exemple chaque lundi " +
        "à 14 h pendant 15 minutes — sans rien organiser. Choisissez un binôme avec </pair>, ou donnez à </pair> les " +
        "horaires qui vous conviennent et le vivier trouve quelqu'un dont les créneaux vont avec les vôtres ; fixez votre créneau avec " +
        "</ritual set>, et à chaque créneau je vous préviens tous les deux, j'ouvre un salon vocal privé, je signale la fin " +
        "du temps imparti puis je le ferme. Ensuite chacun partage un enseignement avec </takeaway> : c'est votre fil.");

    public static readonly LocalizedText CommandsHeading = new("Commands", "Commandes");

    public static readonly LocalizedText ForManagers = new(
        "Server managers: </coaching pairs> lists the pairs with their last session and streak, and can end a pair. {0}",
        "Gestionnaires du serveur : </coaching pairs> liste les binômes avec leur dernière séance et leur série, et peut mettre fin à un binôme. {0}");

    public static readonly LocalizedText Footer = new(
        "Times are shown in your own time zone. Replies like this one are visible only to you.",
        "Les horaires s'affichent dans votre fuseau horaire. Les réponses comme celle-ci ne sont visibles que par vous.");
}
