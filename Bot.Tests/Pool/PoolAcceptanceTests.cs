using CrossCoaching.Discord;
using CrossCoaching.Discord.Rest;
using CrossCoaching.Pool;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;
using static CrossCoaching.Tests.Pool.PoolWorld;

namespace CrossCoaching.Tests.Pool;

/// <summary>Items of the pool's acceptance list that no other test covered: the scheduled run, and a proposal to a member whose DMs are closed.</summary>
public sealed class PoolAcceptanceTests : IAsyncLifetime
{
    private PoolWorld _w = null!;

    public async Task InitializeAsync() => _w = await PoolWorld.StartAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task The_reconcilers_pass_runs_the_scheduled_matching_when_the_servers_cadence_comes_and_not_before()
    {
        await _w.BlockAsync(BobUser, AliceUser);
        await _w.JoinAsync(AliceUser);
        await _w.JoinAsync(BobUser);
        var sweeper = _w.H.Get<PoolSweeper>();
        await sweeper.ReconcileAsync(); // the guild's first scheduled run: nobody fits yet
        var (option, resolved) = UserOption("unblock", AliceUser);
        await RunAsync(_w.Api, Command(Guild, HomeChannel, BobUser, "pair", options: [option], resolved: resolved), c => _w.H.Get<CrossCoaching.Pairs.PairCommand>().HandleAsync(c));

        _w.H.Time.Advance(TimeSpan.FromHours(23));
        await sweeper.ReconcileAsync();
        Assert.Null(await _w.PendingAsync(AliceUser));

        _w.H.Time.Advance(TimeSpan.FromHours(1));
        await sweeper.ReconcileAsync();
        Assert.True((await _w.PendingAsync(AliceUser))!.Involves(Bob));
    }

    [Fact]
    public async Task A_member_whose_dms_are_closed_is_mentioned_where_they_joined_without_the_proposals_details_and_answers_from_pair()
    {
        _w.Api.OnCreateDm(user => user == Bob ? throw FakeDiscordWorld.Refusal(403, DiscordErrorCode.CannotSendMessagesToUser) : FakeDiscordWorld.Dm(user));
        await _w.JoinAsync(AliceUser);
        await _w.JoinAsync(BobUser);
        await _w.H.DrainAsync();

        var mention = Assert.Single(_w.Api.MessagesIn(HomeChannel));
        Assert.StartsWith($"<@{Bob}> the matching pool has news for you, but your direct messages are closed", mention.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", mention.Content, StringComparison.Ordinal);
        Assert.Equal([Bob], mention.Mentions.Users);
        Assert.Single(await _w.DmsAsync(AliceUser));

        await _w.PairAsync(BobUser);
        Assert.Contains("A proposal is waiting for your answer", _w.Api.OriginalEdits[^1].Content, StringComparison.Ordinal);
    }
}
