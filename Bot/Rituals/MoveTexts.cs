using CrossCoaching.Localization;

namespace CrossCoaching.Rituals;

/// <summary>The texts of <c>/ritual move</c> and of its Accept / Decline buttons.</summary>
public static class MoveTexts
{
    public static readonly LocalizedText Description = new(
        "Propose another date and time for your next session only", "Proposer une autre date et heure pour votre prochaine séance seulement");
    public static readonly LocalizedText DateOption = new("The new date, like 2026-12-24", "La nouvelle date, comme 2026-12-24");
    public static readonly LocalizedText TimeOption = new(
        "The new time, like 18:30 (in the ritual's time zone; the usual time if left out)",
        "La nouvelle heure, comme 18:30 (dans le fuseau du rituel ; l'heure habituelle si absente)");

    public static readonly LocalizedText NothingToMove = new(
        "There is no planned session to move. Is your ritual paused?", "Il n'y a pas de séance prévue à déplacer. Votre rituel est-il en pause ?");
    public static readonly LocalizedText NotAhead = new("Pick a moment in the future.", "Choisissez un moment à venir.");
    public static readonly LocalizedText Same = new("That is already when your next session is.", "C'est déjà l'horaire de votre prochaine séance.");
    public static readonly LocalizedText TooLate = new(
        "Pick a moment before the session after it ({0}): this moves one session, not your ritual.",
        "Choisissez un moment avant la séance suivante ({0}) : cette commande déplace une séance, pas votre rituel.");
    public static readonly LocalizedText Clash = new(
        "That moment overlaps another session of yours.", "Ce moment chevauche une autre de vos séances.");

    public static readonly LocalizedText Proposed = new(
        "📅 Proposed to **{0}**: your session of {1} would move to {2}. Unless they accept before {1}, it stays where it is.",
        "📅 Proposition envoyée à **{0}** : votre séance du {1} passerait au {2}. Sauf acceptation avant le {1}, elle reste où elle est.");
    public static readonly LocalizedText Ask = new(
        "📅 **{0}** proposes to move your next session from {1} to {2}. Only this session moves; your ritual stays the same. Without your answer before {1}, it stays where it is.",
        "📅 **{0}** propose de déplacer votre prochaine séance du {1} au {2}. Seule cette séance change ; votre rituel reste le même. Sans réponse de votre part avant le {1}, elle reste où elle est.");
    public static readonly LocalizedText Accept = new("Accept", "Accepter");
    public static readonly LocalizedText Decline = new("Decline", "Refuser");

    public static readonly LocalizedText YouAccepted = new(
        "✅ Accepted: your next session with **{0}** is now {1}.", "✅ Accepté : votre prochaine séance avec **{0}** a lieu le {1}.");
    public static readonly LocalizedText PartnerAccepted = new(
        "✅ **{0}** accepted: your next session is now {1} (instead of {2}).",
        "✅ **{0}** a accepté : votre prochaine séance a lieu le {1} (au lieu du {2}).");
    public static readonly LocalizedText YouDeclined = new(
        "You declined: your next session with **{0}** stays {1}.", "Vous avez refusé : votre prochaine séance avec **{0}** reste le {1}.");
    public static readonly LocalizedText PartnerDeclined = new(
        "**{0}** declined to move your next session: it stays {1}.", "**{0}** a refusé de déplacer votre prochaine séance : elle reste le {1}.");

    public static readonly LocalizedText Lapsed = new(
        "This proposal has lapsed: the session stays where it was.", "Cette proposition a expiré : la séance reste où elle était.");
    public static readonly LocalizedText Answered = new(
        "This proposal has already been answered or replaced.", "Cette proposition a déjà reçu une réponse ou a été remplacée.");
    public static readonly LocalizedText ForYourPartner = new(
        "This proposal is for your partner to answer.", "C'est à votre binôme de répondre à cette proposition.");
    public static readonly LocalizedText MovedLine = new("(moved from {0})", "(déplacée du {0})");
}
