using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Sessions;
using CrossCoaching.Sessions.InRoom;
using CrossCoaching.Tests.Fakes;
using CrossCoaching.Tests.Rituals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>The room's buttons pressed by someone who is not a partner, or on a session that is not running.</summary>
public sealed class RoomButtonsTests : IAsyncLifetime
{
    private ReminderHarness _r = null!;

    public async Task InitializeAsync() => _r = await ReminderHarness.StartAsync();

    public async Task DisposeAsync() => await _r.DisposeAsync();

    private async Task PressAsync(string action, Snowflake user, string name)
    {
        var clock = new FakeTimeProvider(Monday); // never advanced: the router's deferral after 2 s stays out of the way
        var router = new InteractionRouter([], [_r.H.Get<RoomButtons>()], _r.Api, clock, NullLogger<InteractionRouter>.Instance);
        await router.RouteAsync(TestInteractions.Button(Guild, new Snowflake(77), TestInteractions.User(user, name), $"room:{action}:{_r.Session.Id}"), clock.GetUtcNow());
    }

    [Theory]
    [InlineData("extend")]
    [InlineData("end")]
    [InlineData("endyes")]
    public async Task A_stranger_pressing_a_room_button_is_refused_ephemerally_and_changes_nothing(string action)
    {
        await PressAsync(action, FeatureHarness.Carol, "Carol");

        _r.AssertRefused("This button is not for you.");
        var session = await _r.ReloadAsync();
        Assert.Equal((SessionStatus.Scheduled, _r.Session.DurationMinutes, 0), (session.Status, session.DurationMinutes, session.Extensions));
    }

    [Fact]
    public async Task Plus_five_on_a_session_that_is_not_open_is_refused_and_moves_nothing()
    {
        await PressAsync("extend", Bob, "Bob");

        _r.AssertRefused("This session is not running any more.");
        Assert.Equal(_r.Session.CloseAt, (await _r.H.Get<SessionRepository>().GetStepsAsync(_r.Session.Id)).Single(s => s.Step == SessionStep.Close).DueAt);
    }
}
