namespace CrossCoaching.Pairs;

/// <summary>Bound from the <c>Pairs</c> section.</summary>
public sealed class PairOptions
{
    public const string Section = "Pairs";

    /// <summary>How long an invitation stays open, in hours, default 48 (1–720).</summary>
    public int InvitationHours { get; set; } = 48;

    /// <summary>
    /// After a decline, how long the same inviter must wait before inviting the same member again, in hours, default 24
    /// (0–720): an invitation pings, so without it a member can be pinged over and over.
    /// </summary>
    public int DeclineCooldownHours { get; set; } = 24;
}
