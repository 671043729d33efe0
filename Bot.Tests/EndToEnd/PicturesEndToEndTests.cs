using CrossCoaching.Progress.Pictures;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Emulator;
using CrossCoaching.Tests.Progress;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>
/// The pictures through the emulated Discord: uploaded as documents (multipart, <c>payload_json</c> and <c>files[n]</c>,
/// each attachment described), and drawn from what the pair lived.
/// </summary>
public sealed class PicturesEndToEndTests
{
    private static bool IsQuestion(EmulatedMessage m) => m.Content.StartsWith("🏁", StringComparison.Ordinal);

    /// <summary>The outcomes in the first row of the pair's picture, left to right, weeks without a session left out.</summary>
    private static List<PictureOutcome> FirstRow(EmulatedAttachment picture)
    {
        using var reader = new PictureReader(picture.Content);
        return [.. Enumerable.Range(0, ProgressPictures.PairWeeks)
            .Select(week => reader.OutcomeAt(PairPictureLayout.CellCentre(week, 0)))
            .OfType<PictureOutcome>()];
    }

    [Fact]
    public async Task Stats_for_members_and_managers_and_the_round_end_question_carry_their_pictures()
    {
        await using var w = await CoachingSteps.StartAsync();
        await w.ReplyToAsync(w.Owner, "coaching", "setup", CommandArg.Integer("round", 3));
        await w.PairAliceAndBobAsync();
        await w.ReplyToAsync(w.Alice, "ritual", "set", CommandArg.String("day", "monday"), CommandArg.String("time", "14:00"),
            CommandArg.String("timezone", "Europe/Paris"), CommandArg.Integer("duration", 1), CommandArg.Integer("reminder", 0));
        await w.RunSessionAsync(await w.NextRitualSessionAsync(), together: true);
        await w.RunSessionAsync(await w.NextRitualSessionAsync(), together: false);

        var member = await (await w.SendAsync(w.Alice, "stats")).SeenAsync();
        var memberFrench = await (await w.SendAsync(w.Bob, "stats", locale: "fr")).SeenAsync();
        var manager = await (await w.SendAsync(w.Owner, "stats")).SeenAsync();

        var picture = Assert.Single(member.Attachments);
        Assert.Equal(("ritual.png", "image/png"), (picture.FileName, picture.ContentType));
        Assert.InRange(picture.Content.Length, 1, 100 * 1024);
        Assert.Equal([PictureOutcome.Held, PictureOutcome.Missed], FirstRow(picture));
        Assert.Contains("Current streak: 0 held in a row; longest streak: 1.", picture.Description, StringComparison.Ordinal);
        Assert.Equal([PictureOutcome.Held, PictureOutcome.Missed], FirstRow(Assert.Single(memberFrench.Attachments)));
        Assert.Contains("Série en cours : 0 séances tenues d'affilée ; record : 1.", memberFrench.Attachments[0].Description, StringComparison.Ordinal);
        var chart = Assert.Single(manager.Attachments);
        Assert.Equal("server.png", chart.FileName);
        Assert.StartsWith("Sessions in this server per week over the last 12 weeks, 2 in all: 1 held, 1 missed.", chart.Description, StringComparison.Ordinal);
        using (new PictureReader(chart.Content))
        {
        }

        // The third session ends the round: the question carries the round's strip, above its buttons.
        await w.RunSessionAsync(await w.NextRitualSessionAsync(), together: true);
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Alice.Id).Any(IsQuestion), what: "the round's question");
        var question = w.Discord.DirectMessagesTo(w.Alice.Id).Single(IsQuestion);
        var strip = Assert.Single(question.Attachments);
        Assert.Equal("round-1.png", strip.FileName);
        Assert.Equal("Round 1, 3 sessions: 2 held, 1 missed. Current streak: 1 held in a row.", strip.Description);
        using (var reader = new PictureReader(strip.Content))
        {
            PictureOutcome?[] expected = [PictureOutcome.Held, PictureOutcome.Missed, PictureOutcome.Held];
            Assert.Equal(expected, Enumerable.Range(0, 3).Select(i => reader.OutcomeAt(RoundStripLayout.CellCentre(i))));
        }

        Assert.NotEmpty(question.CustomIds);
        var upload = w.Discord.Requests.Last(r => r.Route == "POST /channels/{channel_id}/messages" && r.Parts.Count > 0);
        Assert.Equal(["payload_json", "files[0]"], upload.Parts.Select(p => p.Name));
        Assert.Empty(w.Discord.InternalErrors);
    }
}
