using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>
/// A room Discord will not make: the partners hear which permission is missing when the bot can tell, "one of these"
/// when it cannot, and what happens next (one more try at the slot, or the session marked failed), never a half-open room.
/// </summary>
public sealed class RoomRefusalTests : IAsyncLifetime
{
    private static readonly string AllRoomPermissions = PermissionNames.Describe(RoomPermissions.Wanted, Lang.En);
    private FeatureHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        (_h, _pair) = await StartWithRitualAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<Session> PlanAsync() => (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;

    private Task<Session?> ReloadAsync(Session s) => _h.Get<SessionRepository>().GetAsync(s.Id);

    private Task RunAtAsync(Session s, SessionStep step) => _h.RunStepAtDueAsync(s, step);

    private IReadOnlyList<string> Told(Snowflake member) =>
        [.. _h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(member)).Select(m => m.Content!)];

    private void DiscordRefusesForPermissions() =>
        _h.Api.On(nameof(IDiscordApi.CreateChannelAsync), _ => throw FakeDiscordWorld.Refusal(403, DiscordErrorCode.MissingPermissions));

    [Fact]
    public async Task Permissions_the_bot_sees_missing_are_named_ahead_then_the_session_fails_without_a_half_open_room()
    {
        _h.Cache.AddGuild(Guild, Permissions.ViewChannel | Permissions.Connect); // no Manage Channels
        var session = await PlanAsync();

        await RunAtAsync(session, SessionStep.Prepare);
        var ahead = Assert.Single(Told(Alice));
        await RunAtAsync(session, SessionStep.Open);

        Assert.Empty(_h.Api.ChannelsCreated());
        Assert.Contains("I lack these permissions: Manage Channels.", ahead, StringComparison.Ordinal);
        Assert.Contains("I will try once more when the session starts", ahead, StringComparison.Ordinal);
        var failed = Told(Alice)[^1];
        Assert.Contains("could not take place", failed, StringComparison.Ordinal);
        Assert.Contains("I lack these permissions: Manage Channels.", failed, StringComparison.Ordinal);
        var ended = (await ReloadAsync(session))!;
        Assert.Equal((SessionStatus.Failed, (Snowflake?)null), (ended.Status, ended.RoomChannelId));
        Assert.All(await _h.Get<SessionRepository>().GetStepsAsync(session.Id), s => Assert.NotEqual(StepState.Pending, s.State));
    }

    [Fact]
    public async Task A_50013_the_bot_could_not_foresee_names_the_rooms_permissions_as_one_of_these_not_as_all_missing()
    {
        DiscordRefusesForPermissions();
        var session = await PlanAsync();

        await RunAtAsync(session, SessionStep.Prepare);
        await RunAtAsync(session, SessionStep.Open);

        Assert.Equal(SessionStatus.Failed, (await ReloadAsync(session))!.Status);
        foreach (var member in new[] { Alice, Bob })
        {
            var (ahead, failed) = (Told(member)[^2], Told(member)[^1]);
            Assert.Contains("I will try once more when the session starts", ahead, StringComparison.Ordinal);
            Assert.Contains("could not take place", failed, StringComparison.Ordinal);
            foreach (var text in new[] { ahead, failed })
            {
                Assert.Contains($"one of these that the room needs: {AllRoomPermissions}.", text, StringComparison.Ordinal);
                Assert.DoesNotContain("I lack these permissions", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_refusal_at_the_slot_says_the_session_failed_and_never_promises_another_try()
    {
        DiscordRefusesForPermissions();
        var session = await PlanAsync();

        await RunAtAsync(session, SessionStep.Open); // the room was not prepared ahead (the bot was down then)

        Assert.Equal(SessionStatus.Failed, (await ReloadAsync(session))!.Status);
        foreach (var member in new[] { Alice, Bob })
        {
            var told = Assert.Single(Told(member));
            Assert.Contains("could not take place", told, StringComparison.Ordinal);
            Assert.Contains($"one of these that the room needs: {AllRoomPermissions}.", told, StringComparison.Ordinal);
            Assert.DoesNotContain("try", told, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_explanations_follow_the_guilds_language()
    {
        await _h.Get<GuildSettingsRepository>().SaveAsync(new GuildConfig(Guild, Language: Lang.Fr));
        DiscordRefusesForPermissions();
        var session = await PlanAsync();

        await RunAtAsync(session, SessionStep.Prepare);
        await RunAtAsync(session, SessionStep.Open);

        var (ahead, failed) = (Told(Bob)[^2], Told(Bob)[^1]);
        Assert.Contains("Je réessaierai une fois au début de la séance", ahead, StringComparison.Ordinal);
        Assert.Contains("n'a pas pu avoir lieu", failed, StringComparison.Ordinal);
        Assert.Contains($"l'une de celles-ci, dont le salon a besoin : {PermissionNames.Describe(RoomPermissions.Wanted, Lang.Fr)}.", failed, StringComparison.Ordinal);
        Assert.Contains("Gérer les salons", failed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_at_discords_channel_limit_fails_the_session_and_says_why()
    {
        _h.Api.On(nameof(IDiscordApi.CreateChannelAsync), _ => throw FakeDiscordWorld.Refusal(400, DiscordErrorCode.MaxGuildChannels));
        var session = await PlanAsync();

        await RunAtAsync(session, SessionStep.Prepare);
        await RunAtAsync(session, SessionStep.Open);

        Assert.Equal(SessionStatus.Failed, (await ReloadAsync(session))!.Status);
        var told = Assert.Single(Told(Alice));
        Assert.Contains("500 channels", told, StringComparison.Ordinal);
    }
}
