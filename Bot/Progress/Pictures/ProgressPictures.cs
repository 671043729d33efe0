using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CrossCoaching.Progress.Pictures;

/// <summary>
/// The pictures of progress, as PNG attachments with their descriptions: the pair's last weeks (<c>/stats</c>), the
/// round's strip (its end message) and the server's weeks (managers' <c>/stats</c>). A picture is a bonus on a message
/// that stands without it: when drawing fails it is logged and the message goes without (null).
/// <para>
/// This class names no SkiaSharp type, so registering and holding it loads nothing; the painters load the library on
/// the first picture asked for, and a bot nobody asks for one keeps its idle footprint.
/// </para>
/// </summary>
public sealed class ProgressPictures(RitualRepository rituals, GuildSessionsReader guildSessions, TimeProvider time, ILogger<ProgressPictures> logger)
{
    /// <summary>How far back the pair's picture looks (half a year, as a habit tracker does).</summary>
    public const int PairWeeks = 26;

    public const int ServerWeeks = 12;

    public const string ContentType = "image/png";

    /// <param name="sessions">All the pair's sessions.</param>
    /// <param name="stats">The pair's record (streaks and minutes are over its whole history, as <c>/stats</c> says).</param>
    public async Task<FileAttachment?> ForPairAsync(Pair pair, IReadOnlyList<Session> sessions, PairStats stats, Lang lang, CancellationToken cancellationToken = default)
    {
        var zone = await ZoneAsync(pair, cancellationToken);
        var today = RitualGrid.LocalDate(time.GetUtcNow(), zone);
        var window = RitualGrid.MondayOf(today).AddDays(-7 * (PairWeeks - 1));
        var began = RitualGrid.LocalDate(pair.CreatedAt, zone);
        var since = began > window ? began : (DateOnly?)null;
        var grid = RitualGrid.Build(sessions, since is { } s ? RitualGrid.MondayOf(s) : window, today, zone);
        var title = since is { } day ? PictureTexts.PairTitleSince.Format(lang, PictureTexts.Date(lang, day)) : PictureTexts.PairTitle.Format(lang, PairWeeks);
        var counts = PictureTexts.Counts(grid.Count, lang);
        var description = since is { } d
            ? PictureTexts.PairDescriptionSince.Format(lang, PictureTexts.Date(lang, d), grid.Cells.Count, counts, stats.CurrentStreak, stats.LongestStreak, stats.MinutesTogether)
            : PictureTexts.PairDescription.Format(lang, PairWeeks, grid.Cells.Count, counts, stats.CurrentStreak, stats.LongestStreak, stats.MinutesTogether);
        return Draw("ritual.png", description, () => PairPicturePainter.Render(grid, stats, title, lang), pair.Id);
    }

    /// <summary>The round's sessions that came to their slot, skipped and failed ones included, up to the one that ended it.</summary>
    public async Task<FileAttachment?> ForRoundAsync(RoundState state, PairStats stats, Lang lang, CancellationToken cancellationToken = default)
    {
        var pair = state.Pair;
        var zone = await ZoneAsync(pair, cancellationToken);
        var end = state.Key?.SlotAt ?? time.GetUtcNow();
        var cells = state.Sessions
            .Where(s => s.SlotAt >= pair.RoundStartedAt && s.SlotAt <= end)
            .OrderBy(s => s.SlotAt)
            .Select(s => (Date: RitualGrid.LocalDate(s.SlotAt, zone), Outcome: PictureOutcomes.Of(s)))
            .Where(c => c.Outcome is not null)
            .Select(c => (c.Date, c.Outcome!.Value))
            .ToList();
        var counts = PictureTexts.Counts(o => cells.Count(c => c.Value == o), lang);
        var description = PictureTexts.RoundDescription.Format(lang, pair.RoundNumber, cells.Count, counts, stats.CurrentStreak);
        var title = PictureTexts.RoundTitle.Format(lang, pair.RoundNumber, stats.CurrentStreak);
        return Draw($"round-{pair.RoundNumber}.png", description, () => RoundStripPainter.Render(cells, title, lang), pair.Id);
    }

    public async Task<FileAttachment?> ForServerAsync(Snowflake guildId, Lang lang, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var since = new DateTimeOffset(RitualGrid.MondayOf(today).AddDays(-7 * (ServerWeeks - 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var weeks = ServerWeek.Build(await guildSessions.ListSinceAsync(guildId, since, cancellationToken), today, ServerWeeks);
        var total = weeks.Sum(w => w.Total);
        var counts = PictureTexts.Counts(o => weeks.Sum(w => w.Count(o)), lang);
        var description = PictureTexts.ServerDescription.Format(lang, ServerWeeks, total, counts, weeks.Max(w => w.Total));
        var title = PictureTexts.ServerTitle.Format(lang, ServerWeeks);
        return Draw("server.png", description, () => ServerChartPainter.Render(weeks, title, lang), guildId);
    }

    private FileAttachment? Draw(string fileName, string description, Func<byte[]> paint, object subject)
    {
        try
        {
            return new FileAttachment(fileName, ContentType, paint(), description);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not draw {File} for {Subject}; the message goes without it", fileName, subject);
            return null;
        }
    }

    /// <summary>The ritual's time zone (a cell's date is the day the partners met there); UTC when it has none.</summary>
    private async Task<DateTimeZone> ZoneAsync(Pair pair, CancellationToken cancellationToken) =>
        await rituals.GetAsync(pair.Id, cancellationToken) is { } ritual && TimeZoneCatalog.TryFind(ritual.Rule.TimeZoneId, out var zone) ? zone : DateTimeZone.Utc;
}
