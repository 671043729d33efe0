using CrossCoaching.Localization;

namespace CrossCoaching.Takeaways;

public static class TakeawayTexts
{
    public static readonly LocalizedText TakeawayDescription = new("Share what you take away from your latest session", "Partager ce que vous retenez de votre dernière séance");
    public static readonly LocalizedText TextOption = new("Your takeaway (leave it out to write it in a form)", "Votre enseignement (omettez-le pour l'écrire dans un formulaire)");
    public static readonly LocalizedText VisibilityOption = new("Who reads it once revealed (default: public)", "Qui le lit une fois révélé (par défaut : public)");
    public static readonly LocalizedText ChoicePublic = new("public — the trail channel", "public — le salon du fil");
    public static readonly LocalizedText ChoicePair = new("pair — your partner only", "binôme — votre partenaire seulement");
    public static readonly LocalizedText ChoicePrivate = new("private — only you", "privé — vous seul·e");
    public static readonly LocalizedText TrailDescription = new("Your pair's trail of takeaways, newest first", "Le fil des enseignements de votre binôme, du plus récent au plus ancien");

    public static readonly LocalizedText ModalTitle = new("Your takeaway", "Votre enseignement");
    public static readonly LocalizedText ModalLabel = new("What do you take away from this session?", "Que retenez-vous de cette séance ?");
    public static readonly LocalizedText ModalPlaceholder = new(
        "A sentence or a few: what you learned, what you will try.", "Une phrase ou quelques-unes : ce que vous avez appris, ce que vous allez essayer.");

    public static readonly LocalizedText TooLong = new(
        "Your takeaway is {0} characters long; the limit is {1}. Shorten it and try again — nothing was saved.",
        "Votre enseignement fait {0} caractères ; la limite est de {1}. Raccourcissez-le et réessayez — rien n'a été enregistré.");
    public static readonly LocalizedText Empty = new(
        "Your takeaway is empty. Write a sentence or a few (up to {0} characters) — nothing was saved.",
        "Votre enseignement est vide. Écrivez une phrase ou quelques-unes (jusqu'à {0} caractères) — rien n'a été enregistré.");
    public static readonly LocalizedText NoSession = new(
        "Your pair has no session that took place yet, so there is nothing to attach a takeaway to. Share it after your next session.",
        "Votre binôme n'a encore eu aucune séance, il n'y a donc rien à quoi rattacher un enseignement. Partagez-le après votre prochaine séance.");
    public static readonly LocalizedText UnknownVisibility = new(
        "This visibility is not one the bot knows: choose public, pair or private.",
        "Cette visibilité n'est pas connue du bot : choisissez public, binôme ou privé.");
    public static readonly LocalizedText NoLongerMember = new(
        "You are no longer a member of that server, so you cannot share a takeaway there.",
        "Vous n'êtes plus membre de ce serveur : vous ne pouvez plus y partager d'enseignement.");
    public static readonly LocalizedText NotYourSession = new(
        "This session is not yours: only its two partners can share a takeaway for it.",
        "Cette séance n'est pas la vôtre : seuls ses deux partenaires peuvent partager un enseignement pour elle.");
    public static readonly LocalizedText NotTakenPlace = new(
        "This session did not take place (it is still to come, or was skipped or cancelled): there is nothing to take away from it.",
        "Cette séance n'a pas eu lieu (elle est à venir, ou a été sautée ou annulée) : il n'y a rien à en retenir.");
    public static readonly LocalizedText NobodyCame = new(
        "Nobody joined the room of your session of {0}, so there is no takeaway to share for it.",
        "Personne n'a rejoint le salon de votre séance du {0} : il n'y a pas d'enseignement à partager pour elle.");
    public static readonly LocalizedText AlreadyShared = new(
        "You already shared your takeaway for this session and it has been revealed, so it can no longer be changed.",
        "Vous avez déjà partagé votre enseignement pour cette séance et il a été révélé : il ne peut plus être modifié.");

    public static readonly LocalizedText Saved = new("✅ Your takeaway is saved.", "✅ Votre enseignement est enregistré.");
    public static readonly LocalizedText Replaced = new("✅ Your takeaway is updated: it replaces the one you wrote before.", "✅ Votre enseignement est mis à jour : il remplace celui que vous aviez écrit.");
    public static readonly LocalizedText Held = new(
        "It stays hidden until **{0}** shares theirs, or until {1} at the latest, so that neither of you writes under the influence of the other.",
        "Il reste caché jusqu'à ce que **{0}** partage le sien, ou jusqu'à {1} au plus tard, pour qu'aucun de vous n'écrive sous l'influence de l'autre.");
    public static readonly LocalizedText RevealedTogether = new("You have both shared: your takeaways are revealed together.", "Vous avez partagé tous les deux : vos enseignements sont révélés ensemble.");
    public static readonly LocalizedText RevealedAlone = new(
        "The wait after the session is over, so it is revealed now.", "Le délai d'attente après la séance est écoulé : il est révélé dès maintenant.");
    public static readonly LocalizedText WherePublic = new("Visibility: public — posted in {0}.", "Visibilité : public — publié dans {0}.");
    public static readonly LocalizedText WherePublicNoTrail = new(
        "Visibility: public — but this server has no trail channel yet, so it goes to **{0}** only.",
        "Visibilité : public — mais ce serveur n'a pas encore de salon de fil, il est donc transmis à **{0}** seulement.");
    public static readonly LocalizedText WherePair = new("Visibility: your partner only — it goes to **{0}**.", "Visibilité : votre binôme seulement — il est transmis à **{0}**.");
    public static readonly LocalizedText WherePrivate = new("Visibility: private — kept for you; read it with </takeaways>.", "Visibilité : privé — gardé pour vous ; relisez-le avec </takeaways>.");
    public static readonly LocalizedText ButtonPublic = new("Public", "Public");
    public static readonly LocalizedText ButtonPair = new("Partner only", "Binôme seulement");
    public static readonly LocalizedText ButtonPrivate = new("Private", "Privé");

    public static readonly LocalizedText PartnerTakeaway = new(
        "**{0}** shared their takeaway from your session of {1} with you:", "**{0}** vous a transmis son enseignement de votre séance du {1} :");
    public static readonly LocalizedText PartnerTakeawayNoDm = new(
        "**{0}** shared a takeaway with you. I could not send it by direct message; read it with </takeaways>.",
        "**{0}** vous a transmis un enseignement. Je n'ai pas pu vous l'envoyer en message privé ; lisez-le avec </takeaways>.");

    public static readonly LocalizedText TrailTitle = new("Session #{0} · {1} & {2}", "Séance n° {0} · {1} et {2}");
    public static readonly LocalizedText TrailRemoved = new(
        "The takeaways of this session were removed at their author's request.", "Les enseignements de cette séance ont été retirés à la demande de leur auteur·e.");

    public static readonly LocalizedText LastTime = new("💭 Last time: {0}", "💭 La dernière fois : {0}");
    public static readonly LocalizedText LastTimeEntry = new("**{0}**: “{1}”", "**{0}** : « {1} »");
    public static readonly LocalizedText Nudge = new(
        "✍️ **{0}** has shared a takeaway from your session of {1}. Share yours with </takeaway> (or the button after the session): both are revealed together; if you do not, theirs is revealed alone {2}.",
        "✍️ **{0}** a partagé un enseignement de votre séance du {1}. Partagez le vôtre avec </takeaway> (ou le bouton après la séance) : les deux sont révélés ensemble ; sinon, le sien le sera seul {2}.");
}
