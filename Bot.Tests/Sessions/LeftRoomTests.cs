using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>A crash between Discord's answer to a room creation and its record must not give the pair a second room.</summary>
public sealed class LeftRoomTests : IAsyncLifetime
{
    private FeatureHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        (_h, _pair) = await StartWithRitualAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_room_made_before_a_crash_and_never_recorded_is_taken_instead_of_making_a_second()
    {
        var session = (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        var lang = await _h.Get<GuildLanguage>().ForGuildAsync(Guild);
        var left = new Channel(FakeDiscordWorld.NextId(), ChannelType.GuildVoice, Guild, null, SessionMessages.RoomName(_pair, lang),
            RoomPermissions.For(Guild, _pair, FakeGuildCache.Bot, RoomPermissions.Wanted), 2);
        _h.Cache.AddChannel(Guild, left); // what GUILD_CREATE shows after the restart

        await _h.RunStepAtDueAsync(session, SessionStep.Prepare);

        Assert.Empty(_h.Api.ChannelsCreated());
        Assert.Equal(left.Id, (await _h.Get<SessionRepository>().GetAsync(session.Id))!.RoomChannelId);
    }

    [Fact]
    public async Task A_room_of_another_pair_or_one_a_session_records_is_never_taken()
    {
        var session = (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        var lang = await _h.Get<GuildLanguage>().ForGuildAsync(Guild);
        var strangers = _pair with { MemberB = new Snowflake(77) };
        _h.Cache.AddChannel(Guild, new Channel(FakeDiscordWorld.NextId(), ChannelType.GuildVoice, Guild, null, SessionMessages.RoomName(_pair, lang),
            RoomPermissions.For(Guild, strangers, FakeGuildCache.Bot, RoomPermissions.Wanted), 2));

        await _h.RunStepAtDueAsync(session, SessionStep.Prepare);

        Assert.Single(_h.Api.ChannelsCreated());
    }
}
