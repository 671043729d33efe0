using System.Text;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Tests.Emulator;
using Ical.Net;
using Ical.Net.DataTypes;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary><c>/ritual calendar</c> through the emulated Discord: the .ics file a partner downloads, read back by a calendar library.</summary>
public sealed class CalendarEndToEndTests
{
    /// <summary>What a calendar app would show: the file's next occurrences from <paramref name="from"/>, as UTC instants.</summary>
    private static List<DateTimeOffset> ReadBack(EmulatedAttachment file, DateTimeOffset from, int count) =>
        [.. Calendar.Load(Encoding.UTF8.GetString(file.Content))!
            .GetOccurrences(new CalDateTime(from.UtcDateTime, CalDateTime.UtcTzId), null)
            .Take(count).Select(o => new DateTimeOffset(o.Period.StartTime.AsUtc, TimeSpan.Zero))];

    [Fact]
    public async Task The_calendar_of_a_first_wednesday_ritual_reads_back_to_the_schedules_next_five_sessions_and_leaves_out_a_skipped_one()
    {
        await using var w = await CoachingSteps.StartAsync();
        await w.PairAliceAndBobAsync();
        await w.ReplyToAsync(w.Alice, "ritual", "set", CommandArg.String("day", "wednesday"), CommandArg.String("time", "18:30"),
            CommandArg.String("timezone", "Europe/Paris"), CommandArg.String("every", "first"));
        var rule = (await w.Bot.Get<RitualRepository>().GetAsync((await w.PairAsync()).Id))!.Rule;
        var now = w.Time.GetUtcNow();

        var reply = await (await w.SendAsync(w.Bob, "ritual", "calendar", locale: "fr")).SeenAsync();

        Assert.True(reply.IsEphemeral);
        Assert.StartsWith("Voici votre rituel en fichier d'agenda", reply.Content, StringComparison.Ordinal);
        var file = Assert.Single(reply.Attachments);
        Assert.Equal("crosscoaching.ics", file.FileName);
        var calendarEvent = Assert.Single(Calendar.Load(Encoding.UTF8.GetString(file.Content))!.Events);
        Assert.Equal("CrossCoaching avec Alice", calendarEvent.Summary);
        var expected = RitualSchedule.Upcoming(rule, now, 5);
        // 18:30 in Paris is 17:30 UTC all winter (summer time starts on 28 March 2027).
        Assert.Equal(
            [new(2026, 11, 4, 17, 30, 0, TimeSpan.Zero), new(2026, 12, 2, 17, 30, 0, TimeSpan.Zero), new(2027, 1, 6, 17, 30, 0, TimeSpan.Zero),
             new(2027, 2, 3, 17, 30, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 3, 17, 30, 0, TimeSpan.Zero)],
            expected);
        Assert.Equal(expected, ReadBack(file, now, 5));

        // Skipping the next session takes it out of the next file.
        await w.ReplyToAsync(w.Alice, "ritual", "skip");
        var again = Assert.Single((await (await w.SendAsync(w.Bob, "ritual", "calendar")).SeenAsync()).Attachments);
        Assert.Equal(expected.Skip(1), ReadBack(again, now, 4));
    }
}
