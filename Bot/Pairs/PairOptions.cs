namespace CrossCoaching.Pairs;

/// <summary>Bound from the <c>Pairs</c> section.</summary>
public sealed class PairOptions
{
    public const string Section = "Pairs";

    /// <summary>How long an invitation stays open, in hours, default 48 (1–720).</summary>
    public int InvitationHours { get; set; } = 48;
}
