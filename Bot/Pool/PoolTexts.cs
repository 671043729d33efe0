using CrossCoaching.Localization;

namespace CrossCoaching.Pool;

public static class PoolTexts
{
    // The pool in /me export's Markdown. "Vivier" is the pool; a proposal ("proposition") is feminine.
    public static readonly LocalizedText MdPool = new("## Matching pool", "## Vivier de binômes");
    public static readonly LocalizedText MdEntry = new(
        "Your entry: {0} in {1}; languages {2}{3}; joined {4}, expires {5}.",
        "Votre inscription : {0} en {1} ; langues {2}{3} ; inscrit·e le {4}, expire le {5}.");
    public static readonly LocalizedText MdSomeoneNew = new(", someone new only", ", quelqu'un de nouveau uniquement");
    public static readonly LocalizedText MdBlock = new("- You blocked member {0} ({1})", "- Vous avez bloqué le membre {0} ({1})");
    public static readonly LocalizedText MdProposal = new(
        "- Proposed with member {0} for {1}: {2}, your answer: {3} ({4})",
        "- Proposition avec le membre {0} pour le {1} : {2}, votre réponse : {3} ({4})");
    public static readonly LocalizedText MdDecline = new("- You declined member {0} ({1})", "- Vous avez refusé le membre {0} ({1})");
    public static readonly LocalizedText MdAccepted = new("accepted", "acceptée");
    public static readonly LocalizedText MdDeclined = new("declined", "refusée");
    public static readonly LocalizedText MdPending = new("pending", "en attente");
    public static readonly LocalizedText MdExpired = new("expired", "expirée");
    public static readonly LocalizedText MdNoAnswer = new("none", "aucune");
}
