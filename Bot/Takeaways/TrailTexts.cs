using CrossCoaching.Localization;

namespace CrossCoaching.Takeaways;

/// <summary>The texts of <c>/takeaways</c>.</summary>
public static class TrailTexts
{
    public static readonly LocalizedText Header = new("**Your trail with {0}** — page {1}/{2}", "**Votre fil avec {0}** — page {1}/{2}");
    public static readonly LocalizedText HeaderEnded = new(
        "**Your trail with {0}** (this pair has ended) — page {1}/{2}", "**Votre fil avec {0}** (ce binôme est terminé) — page {1}/{2}");
    public static readonly LocalizedText Empty = new(
        "Your trail with **{0}** is empty for now. After a session, share what you take away with </takeaway>.",
        "Votre fil avec **{0}** est vide pour l'instant. Après une séance, partagez ce que vous en retenez avec </takeaway>.");
    public static readonly LocalizedText NoTrail = new(
        "You have no pair on this server, now or before, so there is no trail to show. Invite someone with </pair>.",
        "Vous n'avez pas de binôme sur ce serveur, ni maintenant ni avant : il n'y a pas de fil à afficher. Invitez quelqu'un avec </pair>.");
    public static readonly LocalizedText SessionTitle = new("Session #{0}", "Séance n° {0}");
    public static readonly LocalizedText MarkPublic = new("🌐 public", "🌐 public");
    public static readonly LocalizedText MarkPair = new("👥 partner only", "👥 binôme seulement");
    public static readonly LocalizedText MarkPrivate = new("🔒 private", "🔒 privé");
    public static readonly LocalizedText MarkHeld = new("⏳ not revealed yet", "⏳ pas encore révélé");
    public static readonly LocalizedText Previous = new("◀ Previous", "◀ Précédent");
    public static readonly LocalizedText Next = new("Next ▶", "Suivant ▶");
}
