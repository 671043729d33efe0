using CrossCoaching.Localization;

namespace CrossCoaching.Pairs;

public static class PairTexts
{
    public static readonly LocalizedText PairDescription = new(
        "Invite a member to be your partner, or without one find a partner in the matching pool",
        "Inviter un membre à former un binôme, ou sans membre trouver un binôme dans le vivier");
    public static readonly LocalizedText PartnerOption = new("The member you want to pair with (leave empty to use the matching pool)", "Le membre avec qui former un binôme (vide : le vivier)");
    public static readonly LocalizedText UnpairDescription = new("End your pair (your trail is kept)", "Mettre fin à votre binôme (votre fil est conservé)");

    public static readonly LocalizedText Invitation = new(
        "{0}, **{1}** invites you to be their CrossCoaching partner: a short voice conversation on a fixed slot, every week or so, with nothing to organise. The invitation expires {2}.",
        "{0}, **{1}** vous invite à former un binôme CrossCoaching : une courte conversation vocale sur un créneau fixe, chaque semaine environ, sans rien organiser. L'invitation expire {2}.");
    public static readonly LocalizedText Accept = new("Accept", "Accepter");
    public static readonly LocalizedText Decline = new("Decline", "Refuser");
    public static readonly LocalizedText Accepted = new(
        "🤝 **{0}** and **{1}** are now partners! Next step: choose your slot with </ritual set>.",
        "🤝 **{0}** et **{1}** forment maintenant un binôme ! Prochaine étape : choisissez votre créneau avec </ritual set>.");
    public static readonly LocalizedText Declined = new("**{0}** declined the invitation of **{1}**.", "**{0}** a refusé l'invitation de **{1}**.");
    public static readonly LocalizedText DeclinedWithCooldown = new(
        "**{0}** declined the invitation of **{1}**. **{1}** can invite them again {2}.",
        "**{0}** a refusé l'invitation de **{1}**. **{1}** pourra l'inviter à nouveau {2}.");
    public static readonly LocalizedText DeclinedRecently = new(
        "**{0}** declined your invitation recently; you can invite them again {1}.",
        "**{0}** a refusé votre invitation récemment ; vous pourrez l'inviter à nouveau {1}.");
    public static readonly LocalizedText ExpiredMessage = new("This invitation from **{0}** to **{1}** has expired.", "Cette invitation de **{0}** à **{1}** a expiré.");
    public static readonly LocalizedText Withdrawn = new("This invitation is no longer valid: one of you is now in a pair.", "Cette invitation n'est plus valable : l'un de vous forme désormais un binôme.");

    public static readonly LocalizedText NotYourself = new("You cannot pair with yourself — pick another member.", "Vous ne pouvez pas former un binôme avec vous-même — choisissez un autre membre.");
    public static readonly LocalizedText NotABot = new("Bots cannot be partners — pick a person.", "Un bot ne peut pas être un binôme — choisissez une personne.");
    public static readonly LocalizedText YouArePaired = new("You already have a partner on this server (**{0}**). Use </unpair> first to change.", "Vous avez déjà un binôme sur ce serveur (**{0}**). Utilisez d'abord </unpair> pour en changer.");
    public static readonly LocalizedText TheyArePaired = new("**{0}** already has a partner on this server.", "**{0}** a déjà un binôme sur ce serveur.");
    public static readonly LocalizedText AlreadyInvited = new("You already invited **{0}**; the invitation is still open until {1}.", "Vous avez déjà invité **{0}** ; l'invitation reste ouverte jusqu'à {1}.");
    public static readonly LocalizedText NotAMember = new("**{0}** is not a member of this server.", "**{0}** n'est pas membre de ce serveur.");
    public static readonly LocalizedText OnlyInvitee = new("Only **{0}** can answer this invitation.", "Seul·e **{0}** peut répondre à cette invitation.");
    public static readonly LocalizedText WithdrawButton = new("Withdraw", "Retirer");
    public static readonly LocalizedText OnlyInviter = new("Only **{0}** can withdraw this invitation.", "Seul·e **{0}** peut retirer cette invitation.");
    public static readonly LocalizedText WithdrawnByInviter = new("**{0}** withdrew this invitation to {1}.", "**{0}** a retiré cette invitation à {1}.");
    public static readonly LocalizedText NoLongerOpen = new("This invitation is no longer open.", "Cette invitation n'est plus ouverte.");

    public static readonly LocalizedText Suspended = new(
        "Your pair is suspended (your partner left the server). Once they are back, either of you can resume it with </ritual resume>; or end it with </unpair>.",
        "Votre binôme est suspendu (votre partenaire a quitté le serveur). Dès son retour, l'un de vous peut le relancer avec </ritual resume> ; ou y mettre fin avec </unpair>.");
    public static readonly LocalizedText NoPair = new("You have no partner on this server. Invite someone with </pair>.", "Vous n'avez pas de binôme sur ce serveur. Invitez quelqu'un avec </pair>.");
    public static readonly LocalizedText ConfirmUnpair = new(
        "End your pair with **{0}**? Future sessions are cancelled and an open room is closed; your trail is kept.",
        "Mettre fin à votre binôme avec **{0}** ? Les séances à venir sont annulées et un salon ouvert est fermé ; votre fil est conservé.");
    public static readonly LocalizedText ConfirmButton = new("End the pair", "Mettre fin au binôme");
    public static readonly LocalizedText CancelButton = new("Keep it", "Le garder");
    public static readonly LocalizedText Unpaired = new("Your pair with **{0}** has ended. Thank you for the conversations!", "Votre binôme avec **{0}** est terminé. Merci pour ces échanges !");
    public static readonly LocalizedText UnpairKept = new("Nothing changed: your pair goes on.", "Rien n'a changé : votre binôme continue.");
    public static readonly LocalizedText PartnerUnpaired = new("**{0}** ended your CrossCoaching pair. Your trail is kept; you can pair again with </pair>.", "**{0}** a mis fin à votre binôme CrossCoaching. Votre fil est conservé ; vous pouvez former un nouveau binôme avec </pair>.");
}
