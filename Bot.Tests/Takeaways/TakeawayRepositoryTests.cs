using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Takeaways;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Takeaways;

public sealed class TakeawayRepositoryTests : IAsyncLifetime
{
    private FeatureHarness _world = null!;
    private TakeawayRepository _takeaways = null!;
    private Pair _pair = null!;
    private Session _session = null!;

    public async Task InitializeAsync()
    {
        _world = await FeatureHarness.StartWithTrailAsync();
        _takeaways = _world.Get<TakeawayRepository>();
        _pair = await _world.PairAsync(Alice, Bob);
        _session = await _world.SessionAsync(_pair, Monday.AddHours(-1));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<TakeawaySave> Save(Snowflake author, string text, TakeawayVisibility visibility = TakeawayVisibility.Public) =>
        _takeaways.SaveAsync(_session.Id, _pair.Id, author, NameOf(author), text, visibility, Monday);

    [Fact]
    public async Task Saving_twice_replaces_until_the_reveal_then_refuses()
    {
        Assert.Equal(TakeawaySave.Created, await Save(Alice, "one"));
        Assert.Equal(TakeawaySave.Replaced, await Save(Alice, "two", TakeawayVisibility.Private));
        await _takeaways.ClaimRevealAsync(_session.Id, TakeawayRoute.Trail, Monday);

        Assert.Equal(TakeawaySave.AlreadyRevealed, await Save(Alice, "three"));

        var stored = Assert.Single(await _takeaways.ListForSessionAsync(_session.Id));
        Assert.Equal(("two", TakeawayVisibility.Private, TakeawayRoute.None), (stored.Text, stored.Visibility, stored.Route));
        Assert.Equal(Monday, stored.DeliveredAt); // a private takeaway has nowhere to go: delivered as it is revealed
    }

    [Fact]
    public async Task Claiming_a_reveal_from_many_callers_at_once_gives_the_takeaways_to_one_of_them()
    {
        await Save(Alice, "a");
        await Save(Bob, "b", TakeawayVisibility.Pair);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _takeaways.ClaimRevealAsync(_session.Id, TakeawayRoute.Trail, Monday))));

        var winner = Assert.Single(claims, c => c.Count > 0);
        Assert.Equal(2, winner.Count);
        Assert.Equal([TakeawayRoute.Trail, TakeawayRoute.Partner], winner.OrderBy(t => t.AuthorId!.Value.Value).Select(t => t.Route));
    }

    [Fact]
    public async Task A_trail_message_is_claimed_once_and_a_released_claim_can_be_taken_again()
    {
        var posts = _world.Get<TrailPostRepository>();

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => posts.TryClaimAsync(_session.Id, TrailChannel, Monday))));
        Assert.Single(claims, c => c);
        Assert.True((await posts.GetAsync(_session.Id))!.IsPosting);

        await posts.ReleaseAsync(_session.Id);
        Assert.True(await posts.TryClaimAsync(_session.Id, TrailChannel, Monday));
        await posts.RecordAsync(_session.Id, new Snowflake(77));
        await posts.ReleaseAsync(_session.Id);
        Assert.Equal(new Snowflake(77), (await posts.GetAsync(_session.Id))!.MessageId);
    }

    [Fact]
    public async Task Changing_the_visibility_works_only_while_held()
    {
        await Save(Alice, "a");

        Assert.True(await _takeaways.SetVisibilityAsync(_session.Id, Alice, TakeawayVisibility.Pair, Monday));
        await _takeaways.ClaimRevealAsync(_session.Id, TakeawayRoute.Trail, Monday);
        Assert.False(await _takeaways.SetVisibilityAsync(_session.Id, Alice, TakeawayVisibility.Public, Monday));
        Assert.False(await _takeaways.SetVisibilityAsync(_session.Id, Bob, TakeawayVisibility.Public, Monday));

        Assert.Equal(TakeawayVisibility.Pair, (await _takeaways.FindAsync(_session.Id, Alice))!.Visibility);
    }
}
