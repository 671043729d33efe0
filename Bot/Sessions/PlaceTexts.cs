using CrossCoaching.Localization;

namespace CrossCoaching.Sessions;

/// <summary>The words of <see cref="TalkPlace"/>: the option of <c>/ritual set</c>, its choices, and how messages name the place.</summary>
public static class PlaceTexts
{
    public static readonly LocalizedText Option = new(
        "Where you talk: in a Discord voice room (default) or outside Discord",
        "Où vous parlez : dans un salon vocal Discord (par défaut) ou en dehors de Discord");

    public static readonly LocalizedText InDiscord = new("In a Discord voice room", "Dans un salon vocal Discord");
    public static readonly LocalizedText ByPhone = new("By phone (outside Discord)", "Par téléphone (hors de Discord)");
    public static readonly LocalizedText OnAWalk = new("On a walk (outside Discord)", "En marchant (hors de Discord)");
    public static readonly LocalizedText InPerson = new("In person (outside Discord)", "En personne (hors de Discord)");
    public static readonly LocalizedText Elsewhere = new("Elsewhere (another app, outside Discord)", "Ailleurs (une autre appli, hors de Discord)");

    public static readonly LocalizedText ByPhoneWords = new("by phone", "par téléphone");
    public static readonly LocalizedText OnAWalkWords = new("on a walk", "en marchant");
    public static readonly LocalizedText InPersonWords = new("in person", "en personne");
    public static readonly LocalizedText ElsewhereWords = new("outside Discord", "en dehors de Discord");

    /// <summary>The line a reminder adds for a talk held outside Discord.</summary>
    public static readonly LocalizedText ReminderLine = new(
        "📍 You talk {0}: no room opens on the server. Afterwards I'll ask you both whether you talked.",
        "📍 Vous parlez {0} : aucun salon ne s'ouvre sur le serveur. Ensuite, je vous demanderai à tous les deux si vous avez parlé.");

    /// <summary>What <c>/ritual show</c> and the export add to a ritual held outside Discord.</summary>
    public static readonly LocalizedText DescribeSuffix = new(", {0} (outside Discord: no room is opened)", ", {0} (hors de Discord : aucun salon n'est ouvert)");

    public static readonly LocalizedText CalendarDetails = new(
        "Your CrossCoaching talk, {0}: no room opens on the server; afterwards the bot asks you both whether you talked.",
        "Votre échange CrossCoaching, {0} : aucun salon ne s'ouvre sur le serveur ; ensuite, le bot vous demande à tous les deux si vous avez parlé.");

    public static LocalizedText Choice(TalkPlace place) => place switch
    {
        TalkPlace.Phone => ByPhone,
        TalkPlace.Walk => OnAWalk,
        TalkPlace.InPerson => InPerson,
        TalkPlace.Elsewhere => Elsewhere,
        _ => InDiscord,
    };

    public static LocalizedText? Words(TalkPlace place) => place switch
    {
        TalkPlace.Phone => ByPhoneWords,
        TalkPlace.Walk => OnAWalkWords,
        TalkPlace.InPerson => InPersonWords,
        TalkPlace.Elsewhere => ElsewhereWords,
        _ => null,
    };
}
