using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Takeaways;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Takeaways;

public sealed class TrailViewTests : IAsyncLifetime
{
    private FeatureHarness _world = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        _world = await FeatureHarness.StartWithTrailAsync();
        _pair = await _world.PairAsync(Alice, Bob);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    /// <summary>A session <paramref name="weeksAgo"/> weeks ago where both partners shared, then revealed.</summary>
    private async Task<Session> SharedAsync(int weeksAgo, string alice, string bob, TakeawayVisibility aliceSees = TakeawayVisibility.Public,
        TakeawayVisibility bobSees = TakeawayVisibility.Public)
    {
        var session = await _world.SessionAsync(_pair, Monday.AddDays(-7 * weeksAgo));
        var takeaways = _world.Get<TakeawayRepository>();
        await takeaways.SaveAsync(session.Id, _pair.Id, Alice, "Alice", alice, aliceSees, Monday);
        await takeaways.SaveAsync(session.Id, _pair.Id, Bob, "Bob", bob, bobSees, Monday);
        await _world.Get<TakeawayReveal>().RevealIfDueAsync(session, _pair);
        return session;
    }

    private MessageSpec Shown => _world.LastCallback.Message!;

    [Fact]
    public async Task The_trail_shows_sessions_newest_first_five_a_page_with_previous_and_next()
    {
        for (var week = 12; week >= 1; week--)
            await SharedAsync(week, $"alice-week-{week}", $"bob-week-{week}");

        await _world.RunAsync(_world.Command(Alice, "takeaways"));

        Assert.True(_world.LastCallback.Ephemeral);
        Assert.StartsWith("**Your trail with Bob** — page 1/3", Shown.Content, StringComparison.Ordinal);
        Assert.Equal(["Session #12", "Session #11", "Session #10", "Session #9", "Session #8"], Shown.Embeds!.Select(e => e.Title));
        var buttons = Shown.Components!.Single().Buttons;
        Assert.True(buttons[0].Disabled);
        Assert.False(buttons[1].Disabled);

        await _world.RunAsync(_world.Button(Alice, buttons[1].CustomId));
        Assert.Equal(InteractionCallbackType.UpdateMessage, _world.LastCallback.Type);
        Assert.Contains("page 2/3", Shown.Content, StringComparison.Ordinal);
        Assert.Contains("alice-week-8", Everything(Shown), StringComparison.Ordinal);

        await _world.RunAsync(_world.Button(Alice, Shown.Components!.Single().Buttons[1].CustomId));
        Assert.Equal(["Session #2", "Session #1"], Shown.Embeds!.Select(e => e.Title));
        Assert.True(Shown.Components!.Single().Buttons[1].Disabled);

        await _world.RunAsync(_world.Button(Alice, Shown.Components!.Single().Buttons[0].CustomId));
        Assert.Contains("page 2/3", Shown.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_partners_private_or_held_takeaways_never_show_while_the_readers_own_do_marked()
    {
        await SharedAsync(2, "alice-public", "bob-private", bobSees: TakeawayVisibility.Private);
        await SharedAsync(1, "alice-private", "bob-for-alice", TakeawayVisibility.Private, TakeawayVisibility.Pair);
        var held = await _world.SessionAsync(_pair, Monday.AddHours(-1));
        await _world.Get<TakeawayRepository>().SaveAsync(held.Id, _pair.Id, Bob, "Bob", "bob-held", TakeawayVisibility.Public, Monday);
        await _world.Get<TakeawayRepository>().SaveAsync(held.Id, _pair.Id, Carol, "Carol", "not-even-in-the-pair", TakeawayVisibility.Public, Monday);

        await _world.RunAsync(_world.Command(Alice, "takeaways"));
        var alice = Everything(Shown);
        await _world.RunAsync(_world.Command(Bob, "takeaways"));
        var bob = Everything(Shown);

        Assert.Contains("alice-public", alice, StringComparison.Ordinal);
        Assert.Contains("alice-private", alice, StringComparison.Ordinal);
        Assert.Contains("**Alice** · 🔒 private", alice, StringComparison.Ordinal);
        Assert.Contains("bob-for-alice", alice, StringComparison.Ordinal);
        Assert.DoesNotContain("bob-private", alice, StringComparison.Ordinal);
        Assert.DoesNotContain("bob-held", alice, StringComparison.Ordinal);

        Assert.Contains("bob-held", bob, StringComparison.Ordinal);
        Assert.Contains("⏳ not revealed yet", bob, StringComparison.Ordinal);
        Assert.Contains("bob-private", bob, StringComparison.Ordinal);
        Assert.DoesNotContain("alice-private", bob, StringComparison.Ordinal);
        Assert.Contains("alice-public", bob, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_takeaways_make_shorter_pages_that_stay_within_discords_limits()
    {
        for (var week = 6; week >= 1; week--)
            await SharedAsync(week, new string('a', 1000), new string('b', 1000));

        await _world.RunAsync(_world.Command(Alice, "takeaways"));

        var embeds = Shown.Embeds!;
        Assert.InRange(embeds.Count, 1, 4);
        Assert.True(embeds.Sum(e => e.Title!.Length + e.Description!.Length) <= 6000);
        Assert.Contains(new string('a', 1000), embeds[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_pressing_the_page_buttons_is_refused()
    {
        await SharedAsync(1, "a", "b");

        await _world.RunAsync(_world.Button(Carol, $"trail:{_pair.Id}:0"));

        Assert.True(_world.LastCallback.Ephemeral);
        Assert.Equal(CrossCoaching.Localization.CommonTexts.NotForYou.En, _world.LastReply);
    }

    [Fact]
    public async Task After_the_pair_ended_the_member_still_reads_its_trail_and_an_empty_trail_says_so()
    {
        await SharedAsync(1, "kept-after-the-end", "b");
        await _world.Get<PairRepository>().EndAsync(_pair.Id, "unpaired", Monday);

        await _world.RunAsync(_world.Command(Bob, "takeaways"));
        Assert.Contains("(this pair has ended)", Shown.Content, StringComparison.Ordinal);
        Assert.Contains("kept-after-the-end", Everything(Shown), StringComparison.Ordinal);

        await _world.PairAsync(Bob, Carol);
        await _world.RunAsync(_world.Command(Bob, "takeaways"));
        Assert.Contains("Your trail with **Carol** is empty", Shown.Content, StringComparison.Ordinal);

        await _world.RunAsync(_world.Command(Dave, "takeaways"));
        Assert.Contains("no trail to show", _world.LastReply, StringComparison.Ordinal);
    }
}
