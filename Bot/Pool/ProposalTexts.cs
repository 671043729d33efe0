using CrossCoaching.Localization;

namespace CrossCoaching.Pool;

/// <summary>What the pool says about a proposal ("proposition", feminine) and the entry's life.</summary>
public static class ProposalTexts
{
    public static readonly LocalizedText Proposal = new(
        "🤝 The matching pool has found you a partner: **{0}** ({1}).\nProposed ritual: every **{2}** at **{3}** your time ({4}), first on {5}, {6} minutes.\nAnswer before {7}: the pair is formed as soon as you both accept.",
        "🤝 Le vivier vous a trouvé un binôme : **{0}** ({1}).\nRituel proposé : chaque **{2}** à **{3}** chez vous ({4}), la première fois le {5}, {6} minutes.\nRépondez avant {7} : le binôme est formé dès que vous acceptez tous les deux.");
    public static readonly LocalizedText Accept = new("Accept", "Accepter");
    public static readonly LocalizedText Decline = new("Decline", "Refuser");
    public static readonly LocalizedText WaitingForOther = new("You accepted. Now waiting for **{0}**.", "Vous avez accepté. En attente de **{0}**.");
    public static readonly LocalizedText Formed = new(
        "🎉 You and **{0}** are now partners. Your ritual is set: every **{1}** at **{2}** your time ({3}); the first session is {4}.",
        "🎉 Vous et **{0}** formez maintenant un binôme. Votre rituel est fixé : chaque **{1}** à **{2}** chez vous ({3}) ; la première séance a lieu {4}.");
    public static readonly LocalizedText YouDeclined = new(
        "You declined. **{0}** will not be proposed to you again; you stay in the pool.",
        "Vous avez refusé. **{0}** ne vous sera plus proposé·e ; vous restez dans le vivier.");
    public static readonly LocalizedText BackInLine = new(
        "The proposal with **{0}** did not work out. You are back in the matching pool, first in line.",
        "La proposition avec **{0}** n'a pas abouti. Vous êtes de retour dans le vivier, en tête de file.");
    public static readonly LocalizedText ExpiredOut = new(
        "The proposal with **{0}** expired without your answer, so you are out of the matching pool. Join again with </pair> whenever you like.",
        "La proposition avec **{0}** a expiré sans votre réponse : vous n'êtes plus dans le vivier. Réinscrivez-vous avec </pair> quand vous voulez.");
    public static readonly LocalizedText OnlyMembers = new("This proposal is for {0} and {1} only.", "Cette proposition ne concerne que {0} et {1}.");
    public static readonly LocalizedText NoLongerOpen = new("This proposal is no longer open.", "Cette proposition n'est plus ouverte.");
    public static readonly LocalizedText PairFailed = new(
        "One of you found a partner in the meantime, so this proposal is closed.", "L'un de vous a trouvé un binôme entre-temps : cette proposition est close.");
    public static readonly LocalizedText DmsClosed = new(
        "{0} the matching pool has news for you, but your direct messages are closed: run </pair> here to see it.",
        "{0} le vivier a du nouveau pour vous, mais vos messages privés sont fermés : lancez </pair> ici pour le voir.");
    public static readonly LocalizedText RoleLost = new(
        "You are no longer in the matching pool: it is now for members with a role you do not have. Join again with </pair> once you have it.",
        "Vous n'êtes plus dans le vivier : il est désormais réservé à un rôle que vous n'avez pas. Réinscrivez-vous avec </pair> quand vous l'aurez.");
    public static readonly LocalizedText PartnerRoleLost = new(
        "**{0}** can no longer take part in the matching pool, so this proposal is closed. You are back in the pool, first in line.",
        "**{0}** ne peut plus participer au vivier : cette proposition est close. Vous êtes de retour dans le vivier, en tête de file.");
    public static readonly LocalizedText RoleUnchecked = new(
        "Discord could not confirm just now that you both still hold the matching pool's role. Please press again in a moment.",
        "Discord n'a pas pu confirmer pour l'instant que vous avez toujours tous les deux le rôle du vivier. Réessayez dans un moment.");
    public static readonly LocalizedText Pending = new("**A proposal is waiting for your answer** (until {0}):", "**Une proposition attend votre réponse** (jusqu'au {0}) :");

    public static readonly LocalizedText Reminder = new(
        "Your entry in the matching pool expires {0}. Still looking for a partner? Press the button to stay {1} more days.",
        "Votre inscription au vivier expire {0}. Vous cherchez toujours un binôme ? Appuyez sur le bouton pour rester {1} jours de plus.");
    public static readonly LocalizedText Stay = new("Stay in the pool", "Rester dans le vivier");
    public static readonly LocalizedText Stayed = new("You stay in the matching pool until {0}.", "Vous restez dans le vivier jusqu'au {0}.");
    public static readonly LocalizedText EntryExpired = new(
        "Your entry in the matching pool has expired. Join again with </pair> whenever you like.",
        "Votre inscription au vivier a expiré. Réinscrivez-vous avec </pair> quand vous voulez.");

    public static readonly LocalizedText Stats = new(
        "**Matching pool**: {0} waiting · {1} matches proposed ({2} awaiting answers) · {3} accepted · {4} declined · {5} expired",
        "**Vivier** : {0} en attente · {1} propositions ({2} en attente de réponse) · {3} acceptées · {4} refusées · {5} expirées");
}
