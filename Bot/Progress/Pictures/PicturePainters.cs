using CrossCoaching.Localization;
using SkiaSharp;

namespace CrossCoaching.Progress.Pictures;

/// <summary>Draws the pair's picture: title, month names, the grid of weeks, the streak line and the legend.</summary>
internal static class PairPicturePainter
{
    public static byte[] Render(RitualGrid grid, PairStats stats, string title, Lang lang)
    {
        using var canvas = new PictureCanvas(PairPictureLayout.Width, PairPictureLayout.Height(grid.Rows));
        canvas.Text(title, PairPictureLayout.Margin, PairPictureLayout.TitleBaseline, 16, bold: true);

        // A month's name over the first week that starts in it, and over the first week shown.
        var lastLabelEnd = float.MinValue;
        for (var week = 0; week < grid.Weeks; week++)
        {
            var start = grid.WeekStart(week);
            if (week > 0 && start.Month == grid.WeekStart(week - 1).Month)
                continue;
            var (x, _) = PairPictureLayout.CellOrigin(week, 0);
            if (x < lastLabelEnd + 4)
                continue;
            lastLabelEnd = x + canvas.Text(PictureTexts.ShortMonth(lang, start.Month), x, PairPictureLayout.MonthBaseline, 11, Palette.Muted);
        }

        var occupied = grid.Cells.Select(c => c.Column).ToHashSet();
        for (var week = 0; week < grid.Weeks; week++)
        {
            if (occupied.Contains(week))
                continue;
            var (x, y) = PairPictureLayout.CellOrigin(week, 0);
            canvas.Rect(x, y, PairPictureLayout.Cell, PairPictureLayout.Cell, Palette.EmptyWeek);
        }

        foreach (var cell in grid.Cells)
        {
            var (x, y) = PairPictureLayout.CellOrigin(cell.Column, cell.Row);
            canvas.Cell(x, y, PairPictureLayout.Cell, Palette.Of(cell.Outcome));
        }

        canvas.Text(PictureTexts.PairLine.Format(lang, stats.CurrentStreak, stats.LongestStreak, stats.MinutesTogether),
            PairPictureLayout.Margin, PairPictureLayout.StatsBaseline(grid.Rows), 13);
        canvas.Legend(PictureOutcomes.All, PairPictureLayout.Margin, PairPictureLayout.LegendTop(grid.Rows), lang);
        return canvas.Png();
    }
}

/// <summary>Draws a round's strip: its sessions in order, each with its date, and the legend of what occurs.</summary>
internal static class RoundStripPainter
{
    public static byte[] Render(IReadOnlyList<(DateOnly Date, PictureOutcome Outcome)> cells, string title, Lang lang)
    {
        var outcomes = PictureOutcomes.All.Where(o => cells.Any(c => c.Outcome == o)).ToList();
        using var canvas = new PictureCanvas(RoundStripLayout.Width(cells.Count), RoundStripLayout.Height(outcomes.Count));
        canvas.Text(title, RoundStripLayout.Margin, RoundStripLayout.TitleBaseline, 15, bold: true);
        for (var i = 0; i < cells.Count; i++)
        {
            var (x, y) = RoundStripLayout.CellOrigin(i);
            canvas.Cell(x, y, RoundStripLayout.Cell, Palette.Of(cells[i].Outcome));
            canvas.Text(PictureTexts.ShortDate(lang, cells[i].Date), RoundStripLayout.CellCentre(i).X, RoundStripLayout.DateBaseline, 11,
                Palette.Muted, SKTextAlign.Center);
        }

        canvas.Legend(outcomes, RoundStripLayout.Margin, RoundStripLayout.LegendTop, lang);
        return canvas.Png();
    }
}

/// <summary>Draws the server's chart: a bar per week stacked by outcome, a light grid with its counts, the weeks' dates.</summary>
internal static class ServerChartPainter
{
    public static byte[] Render(IReadOnlyList<ServerWeek> weeks, string title, Lang lang)
    {
        using var canvas = new PictureCanvas(ServerChartLayout.Width, ServerChartLayout.Height);
        canvas.Text(title, 16, 28, 15, bold: true);
        var axisMax = ServerChartLayout.AxisMax(weeks.Count == 0 ? 0 : weeks.Max(w => w.Total));
        foreach (var tick in new[] { 0, axisMax / 2, axisMax })
        {
            var y = ServerChartLayout.Y(tick, axisMax);
            canvas.Line(ServerChartLayout.PlotLeft, y, ServerChartLayout.PlotRight, y, Palette.Grid);
            canvas.Text(tick.ToString(System.Globalization.CultureInfo.InvariantCulture), ServerChartLayout.PlotLeft - 8, y + 4, 11,
                Palette.Muted, SKTextAlign.Right);
        }

        for (var week = 0; week < weeks.Count; week++)
        {
            var left = ServerChartLayout.BarLeft(week, weeks.Count);
            var below = 0;
            foreach (var outcome in PictureOutcomes.All)
            {
                var count = weeks[week].Count(outcome);
                if (count == 0)
                    continue;
                var top = ServerChartLayout.Y(below + count, axisMax);
                canvas.Rect(left, top, ServerChartLayout.BarWidth, ServerChartLayout.Y(below, axisMax) - top, Palette.Of(outcome));
                below += count;
            }

            // Every other week's date: twelve would crowd each other.
            if (week % 2 == 0)
            {
                canvas.Text(PictureTexts.ShortDate(lang, weeks[week].Monday), left + (ServerChartLayout.BarWidth / 2), ServerChartLayout.WeekBaseline, 11,
                    Palette.Muted, SKTextAlign.Center);
            }
        }

        canvas.Legend(PictureOutcomes.All, 16, ServerChartLayout.LegendTop, lang);
        return canvas.Png();
    }
}
