using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>
/// A room step cut short after Discord made the room and before the database recorded it — the process killed, the
/// answer lost — must not give the session a second room on the next try, whatever the cache shows: right after a
/// restart, or on an instance without the guild's shard, the cache does not hold the guild at all.
/// </summary>
public sealed class CutShortRoomTests : IAsyncLifetime
{
    private FeatureHarness _h = null!;
    private Pair _pair = null!;
    private Session _session = null!;

    /// <summary>The rooms Discord holds, whatever the bot recorded.</summary>
    private readonly List<Channel> _discordHolds = [];

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Monday); // the guild is NOT in the cache
        _pair = await _h.PairAsync();
        await _h.RitualAsync(_pair, MondayAt14);
        _session = (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        _h.Api.OnGetGuildChannels(_ => [.. _discordHolds]);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>Discord makes the room, then <paramref name="cut"/> stops the try before the bot hears of it (the first time only).</summary>
    private void DiscordMakesTheRoomThen(Func<Exception> cut)
    {
        var first = true;
        _h.Api.OnCreateChannel((guild, spec) =>
        {
            var room = FakeDiscordWorld.Room(guild, spec);
            _discordHolds.Add(room);
            if (!first)
                return room;
            first = false;
            throw cut();
        });
    }

    private async Task<Snowflake?> RecordedRoomAsync() => (await _h.Get<SessionRepository>().GetAsync(_session.Id))!.RoomChannelId;

    [Fact]
    public async Task A_room_made_just_before_a_crash_is_taken_by_the_next_try_though_the_cache_does_not_hold_the_guild()
    {
        DiscordMakesTheRoomThen(() => new InvalidOperationException("the process is killed here"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.RunStepAtDueAsync(_session, SessionStep.Prepare));

        await _h.RunStepAtDueAsync(_session, SessionStep.Prepare);

        Assert.Single(_h.Api.ChannelsCreated());
        Assert.Single(_discordHolds);
        Assert.Equal(_discordHolds[0].Id, await RecordedRoomAsync());
        Assert.Equal([Guild], _h.Api.ChannelListings);
    }

    [Fact]
    public async Task A_room_whose_answer_was_lost_is_looked_for_and_taken_at_once_though_the_cache_has_not_seen_it()
    {
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted | Permissions.EmbedLinks); // held, but its CHANNEL_CREATE is late
        DiscordMakesTheRoomThen(() => new DiscordUnavailableException("POST /guilds/{guild}/channels", mayHaveBeenProcessed: true, new TimeoutException()));

        await _h.RunStepAtDueAsync(_session, SessionStep.Prepare);

        Assert.Single(_h.Api.ChannelsCreated());
        Assert.Equal(_discordHolds[0].Id, await RecordedRoomAsync());
    }

    [Fact]
    public async Task A_room_answered_with_a_proxy_s_502_after_Discord_made_it_is_taken_rather_than_asked_for_again()
    {
        DiscordMakesTheRoomThen(() => FakeDiscordWorld.Refusal(502, 0));

        await _h.RunStepAtDueAsync(_session, SessionStep.Prepare);

        Assert.Single(_h.Api.ChannelsCreated());
        Assert.Equal(_discordHolds[0].Id, await RecordedRoomAsync());
    }

    [Fact]
    public async Task The_orphan_sweep_leaves_a_room_made_before_a_crash_to_its_session_which_takes_it()
    {
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted | Permissions.EmbedLinks);
        DiscordMakesTheRoomThen(() => new InvalidOperationException("the process is killed here"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.RunStepAtDueAsync(_session, SessionStep.Prepare));
        _h.Cache.AddChannel(Guild, _discordHolds[0]); // what GUILD_CREATE shows after the restart; the room is old enough to sweep

        await _h.Get<OrphanRooms>().DeleteUntrackedAsync();
        await _h.RunStepAtDueAsync(_session, SessionStep.Prepare);

        Assert.Empty(_h.Api.ChannelsDeleted());
        Assert.Single(_h.Api.ChannelsCreated());
        Assert.Equal(_discordHolds[0].Id, await RecordedRoomAsync());
    }

    [Fact]
    public async Task When_Discord_cannot_say_whether_the_room_exists_no_room_is_made_and_the_step_waits_for_a_later_try()
    {
        DiscordMakesTheRoomThen(() => new InvalidOperationException("the process is killed here"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.RunStepAtDueAsync(_session, SessionStep.Prepare));
        _h.Api.On(nameof(IDiscordApi.GetGuildChannelsAsync), _ => throw new DiscordUnavailableException("GET /guilds/{guild}/channels", false, null));

        await Assert.ThrowsAsync<DiscordUnavailableException>(() => _h.RunStepAtDueAsync(_session, SessionStep.Prepare));

        Assert.Single(_h.Api.ChannelsCreated());
        Assert.Null(await RecordedRoomAsync());
        Assert.Contains(await _h.Get<SessionRepository>().GetStepsAsync(_session.Id), s => s is { Step: SessionStep.Prepare, State: StepState.Pending });

        _h.Api.OnGetGuildChannels(_ => [.. _discordHolds]);
        await _h.RunStepAtDueAsync(_session, SessionStep.Prepare);

        Assert.Single(_h.Api.ChannelsCreated());
        Assert.Equal(_discordHolds[0].Id, await RecordedRoomAsync());
    }

    [Fact]
    public async Task A_request_Discord_did_not_carry_out_is_sent_again_once_Discord_says_there_is_no_room()
    {
        var first = true;
        _h.Api.OnCreateChannel((guild, spec) => first && !(first = false)
            ? throw new DiscordUnavailableException("POST /guilds/{guild}/channels", mayHaveBeenProcessed: true, new TimeoutException())
            : FakeDiscordWorld.Room(guild, spec));

        await _h.RunStepAtDueAsync(_session, SessionStep.Prepare);

        Assert.Equal(2, _h.Api.ChannelsCreated().Count);
        Assert.Equal([Guild], _h.Api.ChannelListings);
        Assert.NotNull(await RecordedRoomAsync());
    }

    [Fact]
    public async Task The_usual_room_step_asks_Discord_for_nothing_but_the_room()
    {
        await _h.RunStepAtDueAsync(_session, SessionStep.Prepare);

        Assert.Single(_h.Api.ChannelsCreated());
        Assert.Empty(_h.Api.ChannelListings);
        Assert.NotNull(await RecordedRoomAsync());
    }

    [Fact]
    public async Task A_room_Discord_refused_leaves_nothing_to_look_for_at_the_next_try()
    {
        var first = true;
        _h.Api.OnCreateChannel((guild, spec) => first && !(first = false)
            ? throw FakeDiscordWorld.Refusal(403, DiscordErrorCode.MissingPermissions)
            : FakeDiscordWorld.Room(guild, spec));
        await _h.RunStepAtDueAsync(_session, SessionStep.Prepare);

        await _h.RunStepAtDueAsync(_session, SessionStep.Open);

        Assert.Equal(2, _h.Api.ChannelsCreated().Count);
        Assert.Empty(_h.Api.ChannelListings);
        Assert.NotNull(await RecordedRoomAsync());
    }
}
