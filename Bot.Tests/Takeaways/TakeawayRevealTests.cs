using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Takeaways;
using Microsoft.Extensions.DependencyInjection;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Takeaways;

public sealed class TakeawayRevealTests : OneSessionTests
{
    private Task<IReadOnlyList<Takeaway>> Stored() => World.Get<TakeawayRepository>().ListForSessionAsync(Session.Id);

    [Fact]
    public async Task Both_partners_posting_reveals_one_trail_message_with_both_texts_and_no_mentions()
    {
        await World.RunAsync(World.Takeaway(Alice, "Listening beats advising."));
        Assert.Empty(World.TrailPosts);

        await World.RunAsync(World.Takeaway(Bob, "I will try the five-minute rule."));

        var post = Assert.Single(World.TrailPosts);
        Assert.Same(AllowedMentions.None, post.Mentions);
        var text = Everything(post);
        Assert.Contains("Listening beats advising.", text, StringComparison.Ordinal);
        Assert.Contains("I will try the five-minute rule.", text, StringComparison.Ordinal);
        Assert.Contains("Session #1", text, StringComparison.Ordinal);
        Assert.Contains("Alice", text, StringComparison.Ordinal);
        Assert.Contains($"<t:{Session.SlotAt.ToUnixTimeSeconds()}:D>", text, StringComparison.Ordinal);
        Assert.All(await Stored(), t => Assert.NotNull(t.RevealedAt));
        Assert.Contains("revealed together", World.LastReply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_writer_is_told_their_takeaway_is_held_until_the_partner_shares()
    {
        await World.RunAsync(World.Takeaway(Alice, "Listening beats advising."));

        var reply = World.LastCallback;
        Assert.True(reply.Ephemeral);
        Assert.Contains("stays hidden until **Bob** shares theirs", reply.Message!.Content, StringComparison.Ordinal);
        Assert.Contains($"<t:{TakeawaySessions.RevealDeadline(Session).ToUnixTimeSeconds()}:f>", reply.Message.Content, StringComparison.Ordinal);
        Assert.Empty(World.TrailPosts);
        Assert.Empty(World.DmsTo(Bob));
        Assert.Null(Assert.Single(await Stored()).RevealedAt);
    }

    [Fact]
    public async Task A_lone_takeaway_is_revealed_by_the_reconciler_once_24_hours_passed_and_not_before()
    {
        await World.RunAsync(World.Takeaway(Alice, "Listening beats advising."));
        var deadline = TakeawaySessions.RevealDeadline(Session);
        Assert.Equal(Session.ClosedAt!.Value.AddHours(24), deadline);

        World.Time.SetUtcNow(deadline.AddMinutes(-1));
        await World.ReconcileAsync<TakeawayRevealer>();
        Assert.Empty(World.TrailPosts);

        World.Time.SetUtcNow(deadline);
        await World.ReconcileAsync<TakeawayRevealer>();
        await World.ReconcileAsync<TakeawayRevealer>();

        var post = Assert.Single(World.TrailPosts);
        Assert.Contains("Listening beats advising.", Everything(post), StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await Stored()).DeliveredAt);
    }

    [Fact]
    public async Task A_second_post_before_the_reveal_replaces_the_first()
    {
        await World.RunAsync(World.Takeaway(Alice, "First thought."));
        await World.RunAsync(World.Takeaway(Alice, "Second, better thought.", "pair"));

        var stored = Assert.Single(await Stored());
        Assert.Equal(("Second, better thought.", TakeawayVisibility.Pair), (stored.Text, stored.Visibility));
        Assert.Contains("replaces the one you wrote before", World.LastReply, StringComparison.Ordinal);

        await World.RunAsync(World.Takeaway(Bob, "Bob's view."));
        var dm = Assert.Single(World.DmsTo(Bob));
        Assert.DoesNotContain("First thought.", Everything(dm), StringComparison.Ordinal);
        Assert.Contains("Second, better thought.", Everything(dm), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_after_the_reveal_is_refused_as_already_shared()
    {
        await World.RunAsync(World.Takeaway(Alice, "Listening beats advising."));
        await World.RunAsync(World.Takeaway(Bob, "Bob's view."));

        await World.RunAsync(World.Takeaway(Alice, "Changed my mind."));

        Assert.True(World.LastCallback.Ephemeral);
        Assert.Contains("already shared", World.LastReply, StringComparison.Ordinal);
        Assert.Equal("Listening beats advising.", (await Stored()).Single(t => t.AuthorId == Alice).Text);
        Assert.Single(World.TrailPosts);
        Assert.Empty(World.TrailEdits);
    }

    [Fact]
    public async Task Pair_and_private_takeaways_never_reach_the_trail_and_a_pair_one_goes_to_the_partner_at_the_reveal()
    {
        await World.RunAsync(World.Takeaway(Alice, "For Bob only.", "pair"));
        Assert.Empty(World.DmsTo(Bob));

        await World.RunAsync(World.Takeaway(Bob, "Just for me.", "private"));

        Assert.Empty(World.TrailPosts);
        var dm = Assert.Single(World.DmsTo(Bob));
        Assert.Contains("For Bob only.", Everything(dm), StringComparison.Ordinal);
        Assert.Same(AllowedMentions.None, dm.Mentions);
        Assert.Empty(World.DmsTo(Alice));
        Assert.All(await Stored(), t => Assert.NotNull(t.DeliveredAt));
    }

    [Fact]
    public async Task Only_the_public_takeaway_of_a_session_appears_in_its_trail_message()
    {
        await World.RunAsync(World.Takeaway(Alice, "Public words."));
        await World.RunAsync(World.Takeaway(Bob, "Private words.", "private"));

        var text = Everything(Assert.Single(World.TrailPosts));
        Assert.Contains("Public words.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Private words.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_trail_channel_a_public_takeaway_goes_to_the_partner_and_the_author_is_told()
    {
        await using var world = await FeatureHarness.StartWithTrailAsync(trail: false);
        var pair = await world.PairAsync(Alice, Bob);
        await world.SessionAsync(pair, Monday.AddHours(-1));

        await world.RunAsync(world.Takeaway(Alice, "Meant for everyone."));
        Assert.Contains("no trail channel", world.LastReply, StringComparison.Ordinal);
        await world.RunAsync(world.Takeaway(Bob, "Me too."));

        Assert.DoesNotContain(world.Api.MessagesSent, m => !IsDm(m.Channel));
        Assert.Contains("Meant for everyone.", Everything(Assert.Single(world.DmsTo(Bob))), StringComparison.Ordinal);
        Assert.Contains("Me too.", Everything(Assert.Single(world.DmsTo(Alice))), StringComparison.Ordinal);
    }

    private static bool IsDm(Snowflake channel) => channel.Value > 500_000;

    [Fact]
    public async Task Reveals_racing_without_a_shared_lock_still_produce_one_trail_message_per_session()
    {
        // Separate instances share no in-process lock: only the claims in the database keep the reveal single.
        var reveals = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<TakeawayReveal>(World.Services)).ToList();
        for (var round = 0; round < 5; round++)
        {
            var session = await World.SessionAsync(Pair, Monday.AddDays(-7 * (round + 1)));
            var takeaways = World.Get<TakeawayRepository>();
            await takeaways.SaveAsync(session.Id, Pair.Id, Alice, "Alice", $"A{round}", TakeawayVisibility.Public, Monday);
            await takeaways.SaveAsync(session.Id, Pair.Id, Bob, "Bob", $"B{round}", TakeawayVisibility.Public, Monday);

            var revealed = await Task.WhenAll(reveals.Select(r => Task.Run(() => r.RevealIfDueAsync(session, Pair))));
            await World.DrainAsync();

            Assert.Single(revealed, r => r);
            Assert.Equal(round + 1, World.TrailPosts.Count);
        }

        Assert.Empty(World.TrailEdits);
    }

    [Fact]
    public async Task Two_partners_submitting_at_once_through_discord_get_one_trail_message()
    {
        await Task.WhenAll(
            Task.Run(() => World.RunAsync(World.Takeaway(Alice, "Alice at once."))),
            Task.Run(() => World.RunAsync(World.Takeaway(Bob, "Bob at once."))));

        var text = Everything(Assert.Single(World.TrailPosts));
        Assert.Contains("Alice at once.", text, StringComparison.Ordinal);
        Assert.Contains("Bob at once.", text, StringComparison.Ordinal);
        Assert.Empty(World.TrailEdits);
    }

    [Fact]
    public async Task A_late_takeaway_after_a_lone_reveal_is_added_to_the_same_trail_message()
    {
        await World.RunAsync(World.Takeaway(Alice, "On time."));
        World.Time.SetUtcNow(TakeawaySessions.RevealDeadline(Session).AddHours(1));
        await World.ReconcileAsync<TakeawayRevealer>();

        await World.RunAsync(World.Takeaway(Bob, "Better late."));

        Assert.Single(World.TrailPosts);
        var edit = Assert.Single(World.TrailEdits);
        Assert.Contains("On time.", Everything(edit), StringComparison.Ordinal);
        Assert.Contains("Better late.", Everything(edit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trail_post_that_discord_could_not_take_is_posted_by_the_outbox_exactly_once_and_its_id_kept()
    {
        var outage = true;
        World.Api.OnCreateMessage((channel, _) => outage
            ? throw new DiscordApiException(503, null, "Service unavailable", "POST /channels/{channel}/messages")
            : new Message(new Snowflake(88), channel));

        await World.RunAsync(World.Takeaway(Alice, "One."));
        await World.RunAsync(World.Takeaway(Bob, "Two."));
        Assert.Contains("revealed together", World.LastReply, StringComparison.Ordinal);
        Assert.All(await Stored(), t => Assert.NotNull(t.DeliveredAt)); // owed: the outbox holds it through the outage

        outage = false;
        World.Time.Advance(TimeSpan.FromMinutes(1));
        await World.ReconcileAsync<TakeawayRevealer>();
        await World.ReconcileAsync<TakeawayRevealer>();

        Assert.Equal(1, World.TrailPosts.Count - 1); // the failed attempt, then one success
        Assert.Equal(new Snowflake(88), (await World.Get<TrailPostRepository>().GetAsync(Session.Id))!.MessageId);
    }

    [Fact]
    public async Task The_session_number_counts_the_pairs_sessions_that_took_place()
    {
        await World.SessionAsync(Pair, Monday.AddDays(-14));
        await World.SessionAsync(Pair, Monday.AddDays(-10), SessionStatus.Skipped);
        await World.SessionAsync(Pair, Monday.AddDays(-7), SessionStatus.Missed);

        await World.RunAsync(World.Takeaway(Alice, "Third time."));
        await World.RunAsync(World.Takeaway(Bob, "Indeed."));

        Assert.Contains("Session #3", Everything(Assert.Single(World.TrailPosts)), StringComparison.Ordinal);
    }
}
