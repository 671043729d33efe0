using SkiaSharp;

namespace CrossCoaching.Progress.Pictures;

/// <summary>
/// A white canvas the painters draw on, and its PNG. The only door to SkiaSharp besides the painters: nothing loads
/// the library (and its native part, several MiB resident) until the first picture is asked for.
/// </summary>
internal sealed class PictureCanvas : IDisposable
{
    private readonly SKBitmap _bitmap;
    private readonly SKCanvas _canvas;

    public PictureCanvas(int width, int height)
    {
        _bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        _canvas = new SKCanvas(_bitmap);
        _canvas.Clear(new SKColor(Palette.Background));
    }

    /// <summary>A filled square with a thin dark edge (so that light colours still show on white).</summary>
    public void Cell(float x, float y, float size, uint colour)
    {
        Rect(x, y, size, size, colour);
        using var edge = new SKPaint { Color = new SKColor(Palette.CellEdge), Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        _canvas.DrawRect(x + 0.5f, y + 0.5f, size - 1, size - 1, edge);
    }

    public void Rect(float x, float y, float width, float height, uint colour)
    {
        using var fill = new SKPaint { Color = new SKColor(colour), Style = SKPaintStyle.Fill };
        _canvas.DrawRect(x, y, width, height, fill);
    }

    public void Line(float x0, float y0, float x1, float y1, uint colour)
    {
        using var pen = new SKPaint { Color = new SKColor(colour), Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        _canvas.DrawLine(x0, y0, x1, y1, pen);
    }

    /// <returns>The width the text took.</returns>
    public float Text(string text, float x, float baseline, float size, uint colour = Palette.Ink, SKTextAlign align = SKTextAlign.Left, bool bold = false)
    {
        using var font = new SKFont(PictureFont.Typeface, size) { Embolden = bold, Subpixel = true, Edging = SKFontEdging.Antialias };
        using var ink = new SKPaint { Color = new SKColor(colour), IsAntialias = true };
        _canvas.DrawText(text, x, baseline, align, font, ink);
        return font.MeasureText(text);
    }

    /// <summary>Swatch and label for each outcome, three to a row.</summary>
    public void Legend(IReadOnlyList<PictureOutcome> outcomes, int left, int top, Localization.Lang lang)
    {
        for (var i = 0; i < outcomes.Count; i++)
        {
            var (x, y) = Pictures.Legend.SwatchOrigin(left, top, i);
            Cell(x, y, Pictures.Legend.Swatch, Palette.Of(outcomes[i]));
            Text(PictureTexts.Label(outcomes[i])[lang], x + Pictures.Legend.Swatch + 6, y + 11, 12);
        }
    }

    public byte[] Png()
    {
        _canvas.Flush();
        using var data = _bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public void Dispose()
    {
        _canvas.Dispose();
        _bitmap.Dispose();
    }
}

/// <summary>
/// The font every picture uses, DejaVu Sans (Bitstream Vera licence, next to it in Fonts/), shipped with the app: a
/// container or server with no fonts installed draws the same letters. Loaded once, at the first picture.
/// </summary>
internal static class PictureFont
{
    public static readonly string FilePath = Path.Combine(AppContext.BaseDirectory, "Fonts", "DejaVuSans.ttf");

    public static SKTypeface Typeface { get; } = Load();

    private static SKTypeface Load() =>
        SKTypeface.FromFile(FilePath) ?? throw new FileNotFoundException("The pictures' font is missing.", FilePath);
}
