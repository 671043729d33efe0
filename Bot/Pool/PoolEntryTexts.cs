using CrossCoaching.Localization;

namespace CrossCoaching.Pool;

/// <summary>Entering, seeing, changing and leaving the pool ("vivier"); blocks.</summary>
public static class PoolEntryTexts
{
    public static readonly LocalizedText WindowsOption = new(
        "Matching pool: when you could talk, e.g. mon 18:00-20:00, thu 7:30-8:30", "Vivier : quand vous pourriez parler, ex. lun 18h-20h, jeu 7h30-8h30");
    public static readonly LocalizedText ZoneOption = new("Matching pool: the time zone of your windows (e.g. Europe/Paris)", "Vivier : le fuseau horaire de vos plages (ex. Europe/Paris)");
    public static readonly LocalizedText LanguagesOption = new("Matching pool: the languages you can talk in", "Vivier : les langues dans lesquelles vous pouvez parler");
    public static readonly LocalizedText SomeoneNewOption = new("Matching pool: only someone you were never paired with", "Vivier : uniquement quelqu'un avec qui vous n'avez jamais été en binôme");
    public static readonly LocalizedText BlockOption = new("Matching pool: never propose this member to me", "Vivier : ne jamais me proposer ce membre");
    public static readonly LocalizedText UnblockOption = new("Matching pool: lift a block you set on this member", "Vivier : lever un blocage posé sur ce membre");
    public static readonly LocalizedText English = new("English", "anglais");
    public static readonly LocalizedText French = new("French", "français");
    public static readonly LocalizedText Both = new("English and French", "anglais et français");

    public static readonly LocalizedText Joined = new(
        "You are in the matching pool. I will write to you as soon as someone fits.", "Vous êtes dans le vivier. Je vous écris dès que quelqu'un vous correspond.");
    public static readonly LocalizedText Updated = new("Your entry is updated.", "Votre inscription est modifiée.");
    public static readonly LocalizedText YourEntry = new("**Your entry in the matching pool**", "**Votre inscription au vivier**");
    public static readonly LocalizedText EntryLine = new(
        "When: {0} ({1})\nLanguages: {2}{3}\nUntil: {4}", "Quand : {0} ({1})\nLangues : {2}{3}\nJusqu'au : {4}");
    public static readonly LocalizedText SomeoneNewMark = new(" · someone new only", " · quelqu'un de nouveau uniquement");
    public static readonly LocalizedText Waiting = new("Waiting for a match.", "En attente d'une proposition.");
    public static readonly LocalizedText ChangeButton = new("Change", "Modifier");
    public static readonly LocalizedText LeaveButton = new("Leave the pool", "Quitter le vivier");
    public static readonly LocalizedText Left = new("You left the matching pool.", "Vous avez quitté le vivier.");
    public static readonly LocalizedText NotInPool = new(
        "You are not in the matching pool. Join with </pair> and its `windows` option saying when you could talk, such as `mon 18:00-20:00`.",
        "Vous n'êtes pas dans le vivier. Inscrivez-vous avec </pair> et son option `plages` indiquant quand vous pourriez parler, par exemple `lun 18h-20h`.");
    public static readonly LocalizedText AlreadyPaired = new(
        "You already have a partner here (**{0}**), so the matching pool is not for you right now.",
        "Vous avez déjà un binôme ici (**{0}**), le vivier n'est donc pas pour vous pour l'instant.");
    public static readonly LocalizedText Closed = new("The matching pool is closed on this server for now.", "Le vivier est fermé sur ce serveur pour l'instant.");
    public static readonly LocalizedText RoleNeeded = new("The matching pool here is for members with the {0} role.", "Le vivier est réservé ici aux membres ayant le rôle {0}.");
    public static readonly LocalizedText ZoneNeeded = new(
        "Which time zone are your windows in? Add `timezone:`, such as Europe/Paris.",
        "Dans quel fuseau horaire sont vos plages ? Ajoutez `fuseau:`, par exemple Europe/Paris.");
    public static readonly LocalizedText BadLanguages = new("Write the languages as `en`, `fr` or `both`.", "Écrivez les langues ainsi : `en`, `fr` ou `both`.");
    public static readonly LocalizedText Blocked = new("Done: **{0}** will never be proposed to you.", "C'est fait : **{0}** ne vous sera jamais proposé·e.");
    public static readonly LocalizedText Unblocked = new("**{0}** may be proposed to you again.", "**{0}** peut de nouveau vous être proposé·e.");
    public static readonly LocalizedText NotBlocked = new("You had not blocked **{0}**.", "Vous n'aviez pas bloqué **{0}**.");
    public static readonly LocalizedText NotYourselfBlock = new("You cannot block yourself.", "Vous ne pouvez pas vous bloquer vous-même.");

    public static readonly LocalizedText ModalTitle = new("Your entry in the matching pool", "Votre inscription au vivier");
    public static readonly LocalizedText ModalWindows = new("When you could talk (days and times)", "Quand vous pourriez parler (jours et heures)");
    public static readonly LocalizedText ModalWindowsHint = new("mon 18:00-20:00, thu 7:30-8:30", "lun 18h-20h, jeu 7h30-8h30");
    public static readonly LocalizedText ModalZone = new("Your time zone", "Votre fuseau horaire");
    public static readonly LocalizedText ModalLanguages = new("Languages: en, fr or both", "Langues : en, fr ou both");

    public static readonly LocalizedText TrailButton = new("Find a partner too", "Trouver un binôme moi aussi");
}
