using CrossCoaching.Discord;

namespace CrossCoaching.Takeaways;

/// <summary>Who may read a takeaway once it is revealed.</summary>
public enum TakeawayVisibility
{
    /// <summary>Posted in the guild's trail channel (to the partner only when the guild has none).</summary>
    Public,

    /// <summary>Sent to the partner only.</summary>
    Pair,

    /// <summary>Kept for the author; it goes nowhere.</summary>
    Private,
}

/// <summary>Where a revealed takeaway was sent, decided once at the reveal.</summary>
public enum TakeawayRoute
{
    Trail,
    Partner,
    None,
}

/// <summary>
/// What one partner took away from one session. It is held (<see cref="RevealedAt"/> null) until both partners have
/// shared theirs or the reveal deadline passed, so that the second writer is never anchored by the first.
/// </summary>
public sealed record Takeaway(
    long Id,
    long SessionId,
    long PairId,
    Snowflake? AuthorId,
    string AuthorName,
    string Text,
    TakeawayVisibility Visibility,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RevealedAt,
    TakeawayRoute? Route,
    DateTimeOffset? DeliveredAt)
{
    public bool IsRevealed => RevealedAt is not null;
}

/// <summary>What saving a takeaway did.</summary>
public enum TakeawaySave
{
    Created,
    Replaced,
    AlreadyRevealed,
}

public static class TakeawayCodes
{
    public static string Code(this TakeawayVisibility visibility) => visibility.ToString().ToLowerInvariant();

    public static string Code(this TakeawayRoute route) => route.ToString().ToLowerInvariant();

    /// <summary>
    /// The visibility an option or a custom id names: an absent option is public (the documented default); a value the
    /// bot does not know is null, and the caller refuses it. It is never guessed as public.
    /// </summary>
    public static TakeawayVisibility? ParseVisibility(string? code) => code switch
    {
        null => TakeawayVisibility.Public,
        "public" => TakeawayVisibility.Public,
        "pair" => TakeawayVisibility.Pair,
        "private" => TakeawayVisibility.Private,
        _ => null,
    };

    /// <summary>
    /// A stored visibility. One this version does not know (written by a newer one, or by hand) reads as private:
    /// nobody else sees the takeaway until a version that knows it runs.
    /// </summary>
    public static TakeawayVisibility StoredVisibility(string code) => code switch
    {
        "public" => TakeawayVisibility.Public,
        "pair" => TakeawayVisibility.Pair,
        _ => TakeawayVisibility.Private,
    };
}
