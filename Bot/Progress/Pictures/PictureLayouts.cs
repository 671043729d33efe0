namespace CrossCoaching.Progress.Pictures;

/// <summary>
/// Where things sit in the pictures, in pixels. Kept apart from the drawing (and from SkiaSharp) so that tests can find
/// the centre of each cell and read its colour back from the PNG.
/// </summary>
public static class PairPictureLayout
{
    public const int Width = 640;
    public const int Margin = 16;
    public const int Cell = 18;
    public const int Step = 22;
    public const int TitleBaseline = 30;
    public const int MonthBaseline = 54;
    public const int GridTop = 62;

    public static (float X, float Y) CellOrigin(int column, int row) => (Margin + (column * Step), GridTop + (row * Step));

    public static (int X, int Y) CellCentre(int column, int row) => (Margin + (column * Step) + (Cell / 2), GridTop + (row * Step) + (Cell / 2));

    public static int GridBottom(int rows) => GridTop + (rows * Step) - (Step - Cell);

    public static int StatsBaseline(int rows) => GridBottom(rows) + 26;

    public static int LegendTop(int rows) => GridBottom(rows) + 42;

    public static int Height(int rows) => LegendTop(rows) + Legend.Height(PictureOutcomes.All.Count) + 8;
}

/// <summary>The round's strip: one cell per session of the round, its date under it.</summary>
public static class RoundStripLayout
{
    public const int MinWidth = PairPictureLayout.Width;
    public const int Margin = 16;
    public const int Cell = 32;
    public const int Step = 52;
    public const int TitleBaseline = 28;
    public const int CellTop = 44;
    public const int DateBaseline = CellTop + Cell + 16;
    public const int LegendTop = DateBaseline + 16;

    public static int Width(int cells) => Math.Max(MinWidth, (2 * Margin) + (cells * Step));

    public static (float X, float Y) CellOrigin(int index) => (Margin + (index * Step) + ((Step - Cell) / 2), CellTop);

    public static (int X, int Y) CellCentre(int index) => (Margin + (index * Step) + (Step / 2), CellTop + (Cell / 2));

    public static int Height(int outcomes) => LegendTop + Legend.Height(outcomes) + 8;
}

/// <summary>The server's chart: a stacked bar per week, outcomes bottom to top in legend order.</summary>
public static class ServerChartLayout
{
    public const int Width = 640;
    public const int PlotLeft = 48;
    public const int PlotRight = Width - 16;
    public const int PlotTop = 48;
    public const int PlotBottom = 220;
    public const int WeekBaseline = PlotBottom + 16;
    public const int LegendTop = WeekBaseline + 16;
    public const int Height = LegendTop + (3 * Legend.RowHeight) + 8;
    public const float BarWidth = 30;

    public static float Slot(int weeks) => (float)(PlotRight - PlotLeft) / weeks;

    public static float BarLeft(int week, int weeks) => PlotLeft + (week * Slot(weeks)) + ((Slot(weeks) - BarWidth) / 2);

    /// <summary>The y of a count on the axis whose top is <paramref name="axisMax"/>.</summary>
    public static float Y(double count, int axisMax) => PlotBottom - (float)(count / axisMax * (PlotBottom - PlotTop));

    /// <summary>The centre of the segment spanning counts <paramref name="from"/> to <paramref name="to"/> of a week's bar.</summary>
    public static (int X, int Y) SegmentCentre(int week, int weeks, int from, int to, int axisMax) =>
        ((int)(BarLeft(week, weeks) + (BarWidth / 2)), (int)((Y(from, axisMax) + Y(to, axisMax)) / 2));

    /// <summary>A round top for the axis: the largest week, rounded up to an even number, at least 4.</summary>
    public static int AxisMax(int largest) => Math.Max(4, largest + (largest % 2));
}

/// <summary>The legend: swatch and label, three entries to a row.</summary>
public static class Legend
{
    public const int PerRow = 3;
    public const int RowHeight = 20;
    public const int EntryWidth = 200;
    public const int Swatch = 12;

    public static int Height(int entries) => ((entries + PerRow - 1) / PerRow) * RowHeight;

    public static (float X, float Y) SwatchOrigin(int left, int top, int index) =>
        (left + (index % PerRow * EntryWidth), top + (index / PerRow * RowHeight));
}
