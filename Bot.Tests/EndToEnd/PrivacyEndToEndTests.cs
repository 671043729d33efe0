using System.Text;
using System.Text.Json;
using CrossCoaching.Pairs;
using CrossCoaching.Takeaways;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary><c>/me export</c> and <c>/me forget</c> through the emulated Discord, after a real session and its takeaways.</summary>
public sealed class PrivacyEndToEndTests
{
    private const string AliceText = "Ask first, then wait: the answer comes.";
    private const string BobText = "Bob keeps this one.";

    [Fact]
    public async Task Export_hands_over_the_members_takeaways_and_forget_removes_them_while_the_partner_keeps_theirs()
    {
        await using var w = await CoachingSteps.StartAsync();
        var trail = await w.SetupTrailAsync();
        await w.PairAliceAndBobAsync();
        var pair = await w.PairAsync();
        var session = await w.RunImpromptuSessionAsync();
        await (await w.SendAsync(w.Alice, "takeaway", options: CommandArg.String("text", AliceText))).SeenAsync();
        await (await w.SendAsync(w.Bob, "takeaway", options: CommandArg.String("text", BobText))).SeenAsync();
        await w.Bot.Get<CrossCoaching.Messaging.OutboxWorker>().WhenIdleAsync();
        var post = Assert.Single(w.Discord.MessagesIn(trail.Id));
        Assert.True(post.Shows(AliceText) && post.Shows(BobText));

        var export = await (await w.SendAsync(w.Alice, "me", "export")).SeenAsync();

        Assert.True(export.IsEphemeral);
        Assert.StartsWith("Here is everything I store about you on this server: 1 pair(s), 1 session(s), 1 takeaway(s).", export.Content, StringComparison.Ordinal);
        var json = Assert.Single(export.Attachments, a => a.FileName.EndsWith(".json", StringComparison.Ordinal));
        using (var data = JsonDocument.Parse(json.Content))
        {
            var root = data.RootElement;
            Assert.Equal("crosscoaching-personal-data/1", root.GetProperty("format").GetString());
            Assert.Equal(w.Alice.Id.ToString(), root.GetProperty("user_id").GetString());
            var exportedPair = Assert.Single(root.GetProperty("pairs").EnumerateArray().ToList());
            Assert.Equal("Bob", exportedPair.GetProperty("partner_name").GetString());
            var exportedSession = Assert.Single(exportedPair.GetProperty("sessions").EnumerateArray().ToList());
            Assert.Equal(session.Id, exportedSession.GetProperty("id").GetInt64());
            var takeaway = exportedSession.GetProperty("your_takeaway");
            Assert.Equal(AliceText, takeaway.GetProperty("text").GetString());
            Assert.Equal("public", takeaway.GetProperty("visibility").GetString());
            Assert.Equal(JsonValueKind.String, takeaway.GetProperty("revealed_at").ValueKind);
        }

        Assert.DoesNotContain(BobText, Encoding.UTF8.GetString(json.Content), StringComparison.Ordinal); // the partner's words are theirs
        var markdown = Encoding.UTF8.GetString(Assert.Single(export.Attachments, a => a.FileName.EndsWith(".md", StringComparison.Ordinal)).Content);
        Assert.StartsWith("# Your CrossCoaching data", markdown, StringComparison.Ordinal);
        Assert.Contains($"    > {AliceText}", markdown, StringComparison.Ordinal);

        var confirm = await (await w.SendAsync(w.Alice, "me", "forget")).SeenAsync();
        Assert.True(confirm.IsEphemeral);
        Assert.StartsWith("Delete everything I store about you on this server? This cannot be undone.", confirm.Content, StringComparison.Ordinal);
        Assert.Equal(2, (await w.Bot.Get<TakeawayRepository>().ListForPairAsync(pair.Id)).Count); // asking deletes nothing

        var done = await (await w.PressAsync(confirm, "me:forget:", w.Alice)).SeenAsync();

        Assert.StartsWith("Done. I deleted 1 takeaway(s)", done.Content, StringComparison.Ordinal);
        Assert.Contains("Your pair with **Bob** has ended and they were told.", done.Content, StringComparison.Ordinal);
        Assert.Empty(done.CustomIds);
        var kept = Assert.Single(await w.Bot.Get<TakeawayRepository>().ListForPairAsync(pair.Id));
        Assert.Equal((w.Bob.Id, BobText), (kept.AuthorId!.Value, kept.Text));
        Assert.Equal(PairStatus.Ended, (await w.Bot.Get<PairRepository>().GetAsync(pair.Id))!.Status);

        // The trail message loses Alice's words and name, keeps Bob's; Bob is told and still reads his own trail.
        await w.Discord.WaitUntilAsync(_ => !post.Shows(AliceText) && post.Shows(BobText), what: "the trail message without Alice's takeaway");
        Assert.True(post.Shows("Session #1 · a former member & Bob"));
        Assert.False(post.Shows("Alice"));
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Bob.Id).Any(m => m.Content.StartsWith("**Alice** asked CrossCoaching to forget them", StringComparison.Ordinal)),
            what: "Bob told");
        var bobTrail = await (await w.SendAsync(w.Bob, "takeaways")).SeenAsync();
        Assert.StartsWith("**Your trail with a former member** (this pair has ended)", bobTrail.Content, StringComparison.Ordinal);
        Assert.True(bobTrail.Shows(BobText));
        Assert.False(bobTrail.Shows(AliceText));

        var after = await (await w.SendAsync(w.Alice, "me", "export")).SeenAsync();
        Assert.StartsWith("Here is everything I store about you on this server: 0 pair(s), 0 session(s), 0 takeaway(s).", after.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(AliceText, string.Concat(after.Attachments.Select(a => Encoding.UTF8.GetString(a.Content))), StringComparison.Ordinal);
    }
}
