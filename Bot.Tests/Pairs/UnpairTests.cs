using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;

namespace CrossCoaching.Tests.Pairs;

public sealed class UnpairTests : IAsyncLifetime
{
    private FeatureHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Monday);
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted);
        _pair = await _h.PairAsync();
        await _h.RitualAsync(_pair, MondayAt14);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task PressAsync(Snowflake who, string customId) =>
        RunAsync(_h.Api, Button(Guild, HomeChannel, User(who, who == Alice ? "Alice" : "Someone"), customId), c => _h.Get<UnpairButtons>().HandleAsync(c, ComponentId.Parse(customId)));

    [Fact]
    public async Task Unpair_asks_for_confirmation_first()
    {
        await RunAsync(_h.Api, Command(Guild, HomeChannel, User(Alice, "Alice"), "unpair"), c => _h.Get<UnpairCommand>().HandleAsync(c));

        var reply = _h.Api.LastCallback();
        Assert.True(reply.Ephemeral);
        Assert.Equal([$"unpair:confirm:{_pair.Id}", $"unpair:keep:{_pair.Id}"], reply.Message!.Components![0].Buttons.Select(b => b.CustomId));
        Assert.Equal(PairStatus.Active, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
    }

    [Fact]
    public async Task Confirming_ends_the_pair_closes_the_open_room_cancels_the_rest_and_tells_the_partner()
    {
        var sessions = _h.Get<SessionRepository>();
        var open = (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        _h.Time.SetUtcNow(open.SlotAt);
        await _h.Get<SessionRunner>().RunAsync(open.Id, SessionStep.Open); // also plans next week's
        var room = (await sessions.GetAsync(open.Id))!.RoomChannelId!.Value;

        await PressAsync(Alice, $"unpair:confirm:{_pair.Id}");
        await _h.DrainAsync();

        Assert.Equal(PairStatus.Ended, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
        Assert.Equal([room], _h.Api.ChannelsDeleted());
        var all = await sessions.ListForPairAsync(_pair.Id);
        Assert.Equal([SessionStatus.Closed, SessionStatus.Cancelled], all.Select(s => s.Status));
        Assert.Contains(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Bob)), m => m.Content!.Contains("ended your CrossCoaching pair", StringComparison.Ordinal));
        Assert.Null(await _h.Get<PairRepository>().FindCurrentAsync(Guild, Bob));
    }

    [Fact]
    public async Task Keeping_the_pair_changes_nothing()
    {
        await PressAsync(Alice, $"unpair:keep:{_pair.Id}");

        Assert.Equal(PairStatus.Active, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
        Assert.Equal(InteractionCallbackType.UpdateMessage, _h.Api.LastCallback().Type);
    }

    [Fact]
    public async Task Someone_outside_the_pair_cannot_end_it()
    {
        await PressAsync(new Snowflake(77), $"unpair:confirm:{_pair.Id}");

        Assert.True(_h.Api.LastCallback().Ephemeral);
        Assert.Equal(PairStatus.Active, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
    }
}
