using System.Collections.Concurrent;
using CrossCoaching.Discord;
using CrossCoaching.Takeaways;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Takeaways;

/// <summary>The trail message and its edits go through the outbox: posted once, edited in the message it made.</summary>
public sealed class TrailOutboxTests : OneSessionTests
{
    /// <summary>Creates as Discord does with enforce_nonce: the same nonce returns the message it made.</summary>
    private readonly ConcurrentDictionary<string, Message> _byNonce = new();

    private void DiscordTakesPostsButLosesTheFirstAnswer()
    {
        var ids = 500L;
        World.Api.On(nameof(IDiscordApi.CreateMessageAsync), a =>
        {
            var nonce = (string)a[2]!;
            if (_byNonce.TryGetValue(nonce, out var known))
                return known;
            _byNonce[nonce] = new Message(new Snowflake((ulong)Interlocked.Increment(ref ids)), (Snowflake)a[0]!);
            throw new DiscordUnavailableException("POST /channels/{channel}/messages", mayHaveBeenProcessed: true, new TimeoutException());
        });
    }

    [Fact]
    public async Task A_trail_post_whose_answer_was_lost_is_posted_once_and_a_late_takeaway_edits_the_message_it_made()
    {
        DiscordTakesPostsButLosesTheFirstAnswer();
        await World.RunAsync(World.Takeaway(Alice, "On time."));
        World.Time.SetUtcNow(TakeawaySessions.RevealDeadline(Session).AddHours(1));
        await World.ReconcileAsync<TakeawayRevealer>(); // the lone reveal: Discord makes the post, its answer is lost
        World.Time.Advance(TimeSpan.FromMinutes(1));
        await World.DrainAsync(); // the retry, with the same nonce, learns the message's id

        await World.RunAsync(World.Takeaway(Bob, "Better late."));
        World.Time.Advance(TimeSpan.FromMinutes(1));
        await World.DrainAsync();

        var made = Assert.Single(_byNonce.Values);
        Assert.Equal(made.Id, (await World.Get<TrailPostRepository>().GetAsync(Session.Id))!.MessageId);
        var edit = Assert.Single(World.Api.MessagesEdited);
        Assert.Equal((TrailChannel, made.Id), (edit.Channel, edit.Message));
        Assert.Contains("Better late.", Everything(edit.Edit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_owed_while_the_post_waits_out_an_outage_lands_after_the_post_with_the_newest_content()
    {
        var outage = true;
        World.Api.On(nameof(IDiscordApi.CreateMessageAsync), a => outage
            ? throw new DiscordApiException(503, null, "Service unavailable", "POST /channels/{channel}/messages")
            : new Message(new Snowflake(88), (Snowflake)a[0]!));
        await World.RunAsync(World.Takeaway(Alice, "On time."));
        World.Time.SetUtcNow(TakeawaySessions.RevealDeadline(Session).AddHours(1));
        await World.ReconcileAsync<TakeawayRevealer>();
        await World.RunAsync(World.Takeaway(Bob, "Better late.")); // owed while the post is still waiting

        Assert.Empty(World.TrailEdits);
        outage = false;
        World.Time.Advance(TimeSpan.FromMinutes(5));
        await World.DrainAsync();
        World.Time.Advance(TimeSpan.FromMinutes(5));
        await World.DrainAsync();

        Assert.Equal(1, World.TrailPosts.Count - 1); // the failed attempt, then one post
        var edit = Assert.Single(World.Api.MessagesEdited);
        Assert.Equal(new Snowflake(88), edit.Message);
        Assert.Contains("Better late.", Everything(edit.Edit), StringComparison.Ordinal);
    }
}
