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

    // Replies to windows the pool cannot read (ephemeral).
    public static readonly LocalizedText NoWindow = new(
        "Say when you could talk: at least one day and time window, such as `mon 18:00-20:00` or `tue/thu 7:30-8:30`.",
        "Indiquez quand vous pourriez parler : au moins un jour et une plage horaire, par exemple `lun 18h-20h` ou `mar/jeu 7h30-8h30`.");
    public static readonly LocalizedText BadWindow = new(
        "I could not read “{0}”. Write a day (or `mon-fri`, `tue/thu`) then a start and an end, such as `wed 18:00-20:00`.",
        "Je n'ai pas pu lire « {0} ». Écrivez un jour (ou `lun-ven`, `mar/jeu`) puis un début et une fin, par exemple `mer 18h-20h`.");
    public static readonly LocalizedText WindowTooShort = new(
        "“{0}” is shorter than a session here ({1} minutes): widen it so that a whole session fits.",
        "« {0} » est plus court qu'une séance ici ({1} minutes) : élargissez-le pour qu'une séance entière y tienne.");
    public static readonly LocalizedText TooManyWindows = new(
        "That is more than {0} windows: keep the ones that suit you best.",
        "Cela fait plus de {0} plages : gardez celles qui vous conviennent le mieux.");
}
