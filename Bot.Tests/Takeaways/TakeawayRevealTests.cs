using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Takeaways;
using Microsoft.Extensions.DependencyInjection;
using static CrossCoaching.Tests.Takeaways.TakeawayWorld;

namespace CrossCoaching.Tests.Takeaways;

public sealed class TakeawayRevealTests : IAsyncLifetime
{
    private TakeawayWorld _world = null!;
    private Pair _pair = null!;
    private Session _session = null!;

    public async Task InitializeAsync()
    {
        _world = await TakeawayWorld.CreateAsync();
        _pair = await _world.PairAsync(Alice, Bob);
        _session = await _world.SessionAsync(_pair, Start.AddHours(-1));
    }

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    private Task<IReadOnlyList<Takeaway>> Stored() => _world.Get<TakeawayRepository>().ListForSessionAsync(_session.Id);

    [Fact]
    public async Task Both_partners_posting_reveals_one_trail_message_with_both_texts_and_no_mentions()
    {
        await _world.RunAsync(_world.Takeaway(Alice, "Listening beats advising."));
        Assert.Empty(_world.TrailPosts);

        await _world.RunAsync(_world.Takeaway(Bob, "I will try the five-minute rule."));

        var post = Assert.Single(_world.TrailPosts);
        Assert.Same(AllowedMentions.None, post.Mentions);
        var text = Everything(post);
        Assert.Contains("Listening beats advising.", text, StringComparison.Ordinal);
        Assert.Contains("I will try the five-minute rule.", text, StringComparison.Ordinal);
        Assert.Contains("Session #1", text, StringComparison.Ordinal);
        Assert.Contains("Alice", text, StringComparison.Ordinal);
        Assert.Contains($"<t:{_session.SlotAt.ToUnixTimeSeconds()}:D>", text, StringComparison.Ordinal);
        Assert.All(await Stored(), t => Assert.NotNull(t.RevealedAt));
        Assert.Contains("revealed together", _world.LastReply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_writer_is_told_their_takeaway_is_held_until_the_partner_shares()
    {
        await _world.RunAsync(_world.Takeaway(Alice, "Listening beats advising."));

        var reply = _world.LastCallback;
        Assert.True(reply.Ephemeral);
        Assert.Contains("stays hidden until **Bob** shares theirs", reply.Message!.Content, StringComparison.Ordinal);
        Assert.Contains($"<t:{TakeawaySessions.RevealDeadline(_session).ToUnixTimeSeconds()}:f>", reply.Message.Content, StringComparison.Ordinal);
        Assert.Empty(_world.TrailPosts);
        Assert.Empty(_world.DmsTo(Bob));
        Assert.Null(Assert.Single(await Stored()).RevealedAt);
    }

    [Fact]
    public async Task A_lone_takeaway_is_revealed_by_the_reconciler_once_24_hours_passed_and_not_before()
    {
        await _world.RunAsync(_world.Takeaway(Alice, "Listening beats advising."));
        var deadline = TakeawaySessions.RevealDeadline(_session);
        Assert.Equal(_session.ClosedAt!.Value.AddHours(24), deadline);

        _world.Clock.SetUtcNow(deadline.AddMinutes(-1));
        await _world.ReconcileAsync();
        Assert.Empty(_world.TrailPosts);

        _world.Clock.SetUtcNow(deadline);
        await _world.ReconcileAsync();
        await _world.ReconcileAsync();

        var post = Assert.Single(_world.TrailPosts);
        Assert.Contains("Listening beats advising.", Everything(post), StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await Stored()).DeliveredAt);
    }

    [Fact]
    public async Task A_second_post_before_the_reveal_replaces_the_first()
    {
        await _world.RunAsync(_world.Takeaway(Alice, "First thought."));
        await _world.RunAsync(_world.Takeaway(Alice, "Second, better thought.", "pair"));

        var stored = Assert.Single(await Stored());
        Assert.Equal(("Second, better thought.", TakeawayVisibility.Pair), (stored.Text, stored.Visibility));
        Assert.Contains("replaces the one you wrote before", _world.LastReply, StringComparison.Ordinal);

        await _world.RunAsync(_world.Takeaway(Bob, "Bob's view."));
        var dm = Assert.Single(_world.DmsTo(Bob));
        Assert.DoesNotContain("First thought.", Everything(dm), StringComparison.Ordinal);
        Assert.Contains("Second, better thought.", Everything(dm), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_after_the_reveal_is_refused_as_already_shared()
    {
        await _world.RunAsync(_world.Takeaway(Alice, "Listening beats advising."));
        await _world.RunAsync(_world.Takeaway(Bob, "Bob's view."));

        await _world.RunAsync(_world.Takeaway(Alice, "Changed my mind."));

        Assert.True(_world.LastCallback.Ephemeral);
        Assert.Contains("already shared", _world.LastReply, StringComparison.Ordinal);
        Assert.Equal("Listening beats advising.", (await Stored()).Single(t => t.AuthorId == Alice).Text);
        Assert.Single(_world.TrailPosts);
        Assert.Empty(_world.TrailEdits);
    }

    [Fact]
    public async Task Pair_and_private_takeaways_never_reach_the_trail_and_a_pair_one_goes_to_the_partner_at_the_reveal()
    {
        await _world.RunAsync(_world.Takeaway(Alice, "For Bob only.", "pair"));
        Assert.Empty(_world.DmsTo(Bob));

        await _world.RunAsync(_world.Takeaway(Bob, "Just for me.", "private"));

        Assert.Empty(_world.TrailPosts);
        var dm = Assert.Single(_world.DmsTo(Bob));
        Assert.Contains("For Bob only.", Everything(dm), StringComparison.Ordinal);
        Assert.Same(AllowedMentions.None, dm.Mentions);
        Assert.Empty(_world.DmsTo(Alice));
        Assert.All(await Stored(), t => Assert.NotNull(t.DeliveredAt));
    }

    [Fact]
    public async Task Only_the_public_takeaway_of_a_session_appears_in_its_trail_message()
    {
        await _world.RunAsync(_world.Takeaway(Alice, "Public words."));
        await _world.RunAsync(_world.Takeaway(Bob, "Private words.", "private"));

        var text = Everything(Assert.Single(_world.TrailPosts));
        Assert.Contains("Public words.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Private words.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_trail_channel_a_public_takeaway_goes_to_the_partner_and_the_author_is_told()
    {
        using var world = await TakeawayWorld.CreateAsync(trail: false);
        var pair = await world.PairAsync(Alice, Bob);
        await world.SessionAsync(pair, Start.AddHours(-1));

        await world.RunAsync(world.Takeaway(Alice, "Meant for everyone."));
        Assert.Contains("no trail channel", world.LastReply, StringComparison.Ordinal);
        await world.RunAsync(world.Takeaway(Bob, "Me too."));

        Assert.DoesNotContain(world.Api.Calls, c => c.Method == nameof(IDiscordApi.CreateMessageAsync) && !IsDm((Snowflake)c.Args[0]!));
        Assert.Contains("Meant for everyone.", Everything(Assert.Single(world.DmsTo(Bob))), StringComparison.Ordinal);
        Assert.Contains("Me too.", Everything(Assert.Single(world.DmsTo(Alice))), StringComparison.Ordinal);
    }

    private static bool IsDm(Snowflake channel) => channel.Value > 500_000;

    [Fact]
    public async Task Reveals_racing_without_a_shared_lock_still_produce_one_trail_message_per_session()
    {
        // Separate instances share no in-process lock: only the claims in the database keep the reveal single.
        var reveals = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<TakeawayReveal>(_world.Services)).ToList();
        for (var round = 0; round < 5; round++)
        {
            var session = await _world.SessionAsync(_pair, Start.AddDays(-7 * (round + 1)));
            var takeaways = _world.Get<TakeawayRepository>();
            await takeaways.SaveAsync(session.Id, _pair.Id, Alice, "Alice", $"A{round}", TakeawayVisibility.Public, Start);
            await takeaways.SaveAsync(session.Id, _pair.Id, Bob, "Bob", $"B{round}", TakeawayVisibility.Public, Start);

            var revealed = await Task.WhenAll(reveals.Select(r => Task.Run(() => r.RevealIfDueAsync(session, _pair))));

            Assert.Single(revealed, r => r);
            Assert.Equal(round + 1, _world.TrailPosts.Count);
        }

        Assert.Empty(_world.TrailEdits);
    }

    [Fact]
    public async Task Two_partners_submitting_at_once_through_discord_get_one_trail_message()
    {
        await Task.WhenAll(
            Task.Run(() => _world.RunAsync(_world.Takeaway(Alice, "Alice at once."))),
            Task.Run(() => _world.RunAsync(_world.Takeaway(Bob, "Bob at once."))));

        var text = Everything(Assert.Single(_world.TrailPosts));
        Assert.Contains("Alice at once.", text, StringComparison.Ordinal);
        Assert.Contains("Bob at once.", text, StringComparison.Ordinal);
        Assert.Empty(_world.TrailEdits);
    }

    [Fact]
    public async Task A_late_takeaway_after_a_lone_reveal_is_added_to_the_same_trail_message()
    {
        await _world.RunAsync(_world.Takeaway(Alice, "On time."));
        _world.Clock.SetUtcNow(TakeawaySessions.RevealDeadline(_session).AddHours(1));
        await _world.ReconcileAsync();

        await _world.RunAsync(_world.Takeaway(Bob, "Better late."));

        Assert.Single(_world.TrailPosts);
        var edit = Assert.Single(_world.TrailEdits);
        Assert.Contains("On time.", Everything(edit), StringComparison.Ordinal);
        Assert.Contains("Better late.", Everything(edit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trail_post_that_discord_could_not_take_is_posted_by_the_reconciler_exactly_once()
    {
        var outage = true;
        _world.Api.On(nameof(IDiscordApi.CreateMessageAsync), a => outage
            ? throw new DiscordApiException(503, null, "Service unavailable", "POST /channels/{channel}/messages")
            : new Message(new Snowflake(88), (Snowflake)a[0]!));

        await _world.RunAsync(_world.Takeaway(Alice, "One."));
        await _world.RunAsync(_world.Takeaway(Bob, "Two."));
        Assert.Contains("revealed together", _world.LastReply, StringComparison.Ordinal);
        Assert.All(await Stored(), t => Assert.Null(t.DeliveredAt));

        outage = false;
        await _world.ReconcileAsync();
        await _world.ReconcileAsync();

        Assert.Equal(1, _world.TrailPosts.Count - 1); // the failed attempt, then one success
        Assert.All(await Stored(), t => Assert.NotNull(t.DeliveredAt));
        Assert.Equal(new Snowflake(88), (await _world.Get<TrailPostRepository>().GetAsync(_session.Id))!.MessageId);
    }

    [Fact]
    public async Task The_session_number_counts_the_pairs_sessions_that_took_place()
    {
        await _world.SessionAsync(_pair, Start.AddDays(-14));
        await _world.SessionAsync(_pair, Start.AddDays(-10), SessionStatus.Skipped);
        await _world.SessionAsync(_pair, Start.AddDays(-7), SessionStatus.Missed);

        await _world.RunAsync(_world.Takeaway(Alice, "Third time."));
        await _world.RunAsync(_world.Takeaway(Bob, "Indeed."));

        Assert.Contains("Session #3", Everything(Assert.Single(_world.TrailPosts)), StringComparison.Ordinal);
    }
}
