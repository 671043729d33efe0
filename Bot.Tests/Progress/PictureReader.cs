using CrossCoaching.Discord;
using CrossCoaching.Progress.Pictures;
using SkiaSharp;

namespace CrossCoaching.Tests.Progress;

/// <summary>Reads a picture back: decodes the PNG and gives the colour at a point, as 0xAARRGGBB.</summary>
internal sealed class PictureReader : IDisposable
{
    private readonly SKBitmap _bitmap;

    public PictureReader(byte[] png)
    {
        _bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("Not a PNG.");
        // Set PICTURES_OUT to a folder to look at what the tests drew.
        if (Environment.GetEnvironmentVariable("PICTURES_OUT") is { Length: > 0 } folder)
            File.WriteAllBytes(Path.Combine(folder, $"{Guid.NewGuid():N}.png"), png);
    }

    public PictureReader(FileAttachment file) : this(file.Content)
    {
    }

    public int Width => _bitmap.Width;

    public int Height => _bitmap.Height;

    public uint At((int X, int Y) point) => (uint)_bitmap.GetPixel(point.X, point.Y);

    /// <summary>The outcome whose colour is at the point, or null when it is none of them.</summary>
    public PictureOutcome? OutcomeAt((int X, int Y) point) =>
        PictureOutcomes.All.Cast<PictureOutcome?>().FirstOrDefault(o => Palette.Of(o!.Value) == At(point));

    public void Dispose() => _bitmap.Dispose();
}
