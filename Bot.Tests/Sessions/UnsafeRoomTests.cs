using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>A room Discord answers without its privacy is never used; one that cannot be deleted at once is deleted later.</summary>
public sealed class UnsafeRoomTests : IAsyncLifetime
{
    private FeatureHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        (_h, _pair) = await StartWithRitualAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_room_that_comes_back_public_and_resists_deletion_is_never_used_and_goes_at_the_next_repair_pass()
    {
        var session = (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        var room = FakeDiscordWorld.NextId();
        _h.Api.OnCreateChannel((guild, spec) => FakeDiscordWorld.Room(guild, spec with { Overwrites = [] }, room)); // no overwrites
        _h.Api.On(nameof(IDiscordApi.DeleteChannelAsync), _ => throw new DiscordUnavailableException("DELETE /channels/{channel_id}", false, null));

        await _h.RunStepAtDueAsync(session, SessionStep.Prepare);

        Assert.Single(_h.Api.ChannelsCreated());
        Assert.Null((await _h.Get<SessionRepository>().GetAsync(session.Id))!.RoomChannelId);
        Assert.Equal([room], await _h.Get<UnsafeRooms>().StandingAsync());
        Assert.Empty(_h.Api.MessagesIn(room));

        // What a restart brings: a new instance, with nothing in memory, still knows the room from the database.
        var afterRestart = ActivatorUtilities.CreateInstance<UnsafeRooms>(_h.Services);
        Assert.Equal([room], await afterRestart.StandingAsync());

        _h.Api.On(nameof(IDiscordApi.DeleteChannelAsync), _ => null);
        await _h.Get<OrphanRooms>().DeleteUntrackedAsync();

        Assert.Empty(await afterRestart.StandingAsync());
        Assert.Equal(room, _h.Api.ChannelsDeleted()[^1]);
    }
}
