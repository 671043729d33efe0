using System.Text.Json.Nodes;
using CrossCoaching.Hosting;
using CrossCoaching.Takeaways;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>Takeaways through the emulated Discord: the simultaneous reveal, the trail channel, who reads what.</summary>
public sealed class TakeawaysEndToEndTests
{
    private static string Description(EmulatedMessage message) => message.Embeds.Select(e => e?["description"]?.GetValue<string>()).Single() ?? "";

    [Fact]
    public async Task Both_partners_takeaways_make_one_trail_message_with_both_texts_that_pings_nobody()
    {
        await using var w = await CoachingSteps.StartAsync();
        var trail = await w.SetupTrailAsync();
        await w.PairAliceAndBobAsync();
        await w.RunImpromptuSessionAsync();
        var aliceText = $"Ask <@{w.Bob.Id}> before deciding, and tell @everyone.";

        var alice = await (await w.SendAsync(w.Alice, "takeaway", options: CommandArg.String("text", aliceText))).SeenAsync();

        Assert.True(alice.IsEphemeral);
        Assert.Contains("stays hidden until **Bob** shares theirs", alice.Content, StringComparison.Ordinal);
        Assert.Empty(w.Discord.MessagesIn(trail.Id));

        var bob = await (await w.SendAsync(w.Bob, "takeaway", options: CommandArg.String("text", "Listen longer before answering."))).SeenAsync();

        Assert.Contains("revealed together", bob.Content, StringComparison.Ordinal);
        await w.Bot.Get<CrossCoaching.Messaging.OutboxWorker>().WhenIdleAsync();
        Assert.Contains($"posted in <#{trail.Id}>", bob.Content, StringComparison.Ordinal);
        var post = Assert.Single(w.Discord.MessagesIn(trail.Id));
        Assert.Equal("Session #1 · Alice & Bob", post.Embeds.Single()!["title"]!.GetValue<string>());
        var description = Description(post);
        Assert.Contains(aliceText, MarkdownReader.Visible(description), StringComparison.Ordinal); // defused, not removed
        Assert.Equal(0, MarkdownReader.Live(description)["mention"] + MarkdownReader.Live(description)["mass mention"]);
        Assert.Contains("Listen longer before answering.", description, StringComparison.Ordinal);
        Assert.Empty(post.PingedUserIds);
        Assert.Empty(Assert.IsType<JsonArray>(post.AllowedMentions?["parse"]));

        // A later reconcile pass (or a second press) never posts the session twice.
        await w.Bot.Get<Reconciler>().RunOnceAsync();
        Assert.Single(w.Discord.MessagesIn(trail.Id));
        Assert.Empty(w.Discord.InternalErrors);
    }

    [Fact]
    public async Task A_lone_takeaway_is_revealed_a_day_later_and_pair_or_private_ones_never_reach_the_trail()
    {
        await using var w = await CoachingSteps.StartAsync();
        var trail = await w.SetupTrailAsync();
        await w.PairAliceAndBobAsync();
        // Bob never came: Alice, alone in the room, writes hers (a session nobody attended takes none).
        var first = await w.RunImpromptuSessionAsync(together: false, aliceAlone: true);
        await (await w.SendAsync(w.Alice, "takeaway", options: CommandArg.String("text", "Nobody came, I wrote my plan anyway."))).SeenAsync();

        w.Time.SetUtcNow(first.ClosedAt!.Value + TakeawaySessions.RevealWait - TimeSpan.FromMinutes(1));
        await w.Bot.Get<Reconciler>().RunOnceAsync();
        Assert.Empty(w.Discord.MessagesIn(trail.Id));

        // A day after the session, the reconciler's next periodic pass reveals it alone.
        w.Time.SetUtcNow(first.ClosedAt.Value + TakeawaySessions.RevealWait + CoachingSteps.ReconcileEvery);
        var post = await w.Discord.WaitForMessageAsync(m => m.ChannelId == trail.Id, TimeSpan.FromSeconds(10));
        Assert.Contains("Nobody came, I wrote my plan anyway.", Description(post), StringComparison.Ordinal);

        await w.RunImpromptuSessionAsync();
        var alice = await (await w.SendAsync(w.Alice, "takeaway", options: [CommandArg.String("text", "For Bob: you were right."), CommandArg.String("visibility", "pair")])).SeenAsync();
        Assert.Contains("your partner only — it goes to **Bob**", alice.Content, StringComparison.Ordinal);
        var bob = await (await w.SendAsync(w.Bob, "takeaway", options: [CommandArg.String("text", "My own doubts."), CommandArg.String("visibility", "private")])).SeenAsync();
        Assert.Contains("revealed together", bob.Content, StringComparison.Ordinal);

        var delivered = await w.Discord.WaitForMessageAsync(m => m.ChannelId == w.Discord.DmChannelWith(w.Bob.Id)?.Id && m.Shows("For Bob: you were right."));
        Assert.Contains("**Alice** shared their takeaway", delivered.Content, StringComparison.Ordinal);
        Assert.Empty(delivered.PingedUserIds);
        await w.Bot.Get<Reconciler>().RunOnceAsync();
        Assert.Single(w.Discord.MessagesIn(trail.Id)); // the first session's post only
        Assert.DoesNotContain(w.Discord.Messages, m => !m.IsEphemeral && m.Shows("My own doubts."));
        Assert.DoesNotContain(w.Discord.Messages, m => m.ChannelId != w.Discord.DmChannelWith(w.Bob.Id)?.Id && !m.IsEphemeral && m.Shows("For Bob: you were right."));

        // Bob reads the partner's pair takeaway in his trail; his own private one shows to him, never to Alice.
        var bobTrail = await (await w.SendAsync(w.Bob, "takeaways")).SeenAsync();
        Assert.True(bobTrail.Shows("For Bob: you were right.") && bobTrail.Shows("My own doubts."), bobTrail.Embeds.ToJsonString());
        var aliceTrail = await (await w.SendAsync(w.Alice, "takeaways")).SeenAsync();
        Assert.False(aliceTrail.Shows("My own doubts."));
    }

    [Fact]
    public async Task The_command_declares_the_limit_and_a_form_opened_under_a_higher_limit_is_refused_in_the_readers_language()
    {
        await using var w = await CoachingSteps.StartAsync(new() { ["Takeaways:MaxLength"] = "4000" });
        await w.PairAliceAndBobAsync();
        var session = await w.RunImpromptuSessionAsync(together: false, aliceAlone: true);
        var form = await w.SendAsync(w.Alice, "takeaway");
        Assert.Equal(9, (await form.WaitForCallbackAsync()).Type);
        Assert.Contains("\"max_length\":4000", form.Modal!.ToJsonString(), StringComparison.Ordinal);

        // The operator lowers the limit back to its default while Alice's form is open.
        await w.Bot.RestartAsync(settings: CoachingSteps.QuickSessions());
        await w.Discord.WaitUntilAsync(d => TextOption(d)?["max_length"]?.GetValue<int>() == 1000, what: "/takeaway registered with the default limit");
        Assert.Equal(1, TextOption(w.Discord)!["min_length"]!.GetValue<int>());

        var refused = await (await w.Discord.SubmitModalAsync(form, new Dictionary<string, string> { ["text"] = new string('a', 1001) }, locale: "fr")).SeenAsync();

        Assert.True(refused.IsEphemeral);
        Assert.Equal("Votre enseignement fait 1001 caractères ; la limite est de 1000. Raccourcissez-le et réessayez — rien n'a été enregistré.", refused.Content);
        Assert.Null(await w.Bot.Get<TakeawayRepository>().FindAsync(session.Id, w.Alice.Id));

        // A Discord client cannot send 1001 characters in the option at all; 1000 are accepted.
        await Assert.ThrowsAsync<InvalidOperationException>(() => w.SendAsync(w.Alice, "takeaway", options: CommandArg.String("text", new string('a', 1001))));
        var saved = await (await w.SendAsync(w.Alice, "takeaway", options: CommandArg.String("text", new string('b', 1000)))).SeenAsync();
        Assert.StartsWith("✅ Your takeaway is saved.", saved.Content, StringComparison.Ordinal);
        Assert.Equal(1000, (await w.Bot.Get<TakeawayRepository>().FindAsync(session.Id, w.Alice.Id))!.Text.Length);
    }

    private static JsonObject? TextOption(DiscordEmulator discord) =>
        discord.CommandsOf(null).SingleOrDefault(c => c["name"]?.GetValue<string>() == "takeaway")?["options"]?.AsArray()
            .OfType<JsonObject>().Single(o => o["name"]?.GetValue<string>() == "text");
}
