namespace CrossCoaching.Progress.Pictures;

/// <summary>
/// The pictures' colours, as 0xAARRGGBB. The outcomes take the Okabe–Ito palette ("Color Universal Design", Okabe and
/// Ito, 2008): eight colours chosen to stay apart for the common forms of colour blindness (deuteranopia, protanopia,
/// tritanopia) and in greyscale, which is why a habit tracker's usual green/red pair is not used. Held and missed,
/// the two that matter most, differ in hue and in lightness (bluish green against vermillion); skipped (sky blue) and
/// held elsewhere (blue) share a hue family but not a lightness; every cell also has a thin dark edge, so the light
/// yellow of a partial session still shows on white.
/// </summary>
public static class Palette
{
    public const uint Background = 0xFFFFFFFF;
    public const uint Ink = 0xFF222222;
    public const uint Muted = 0xFF666666;
    public const uint Grid = 0xFFDDDDDD;

    /// <summary>A week with no occurrence (the ritual was paused, or did not fall that week): not an outcome.</summary>
    public const uint EmptyWeek = 0xFFEEEEEE;

    public const uint CellEdge = 0x40000000;

    public static uint Of(PictureOutcome outcome) => outcome switch
    {
        PictureOutcome.Held => 0xFF009E73,          // bluish green
        PictureOutcome.Partial => 0xFFF0E442,       // yellow
        PictureOutcome.Missed => 0xFFD55E00,        // vermillion
        PictureOutcome.Skipped => 0xFF56B4E9,       // sky blue
        PictureOutcome.HeldElsewhere => 0xFF0072B2, // blue
        PictureOutcome.FailedByBot => 0xFFCC79A7,   // reddish purple
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
