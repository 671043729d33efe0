using CrossCoaching.Discord;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;

namespace CrossCoaching.Tests.Rituals;

/// <summary><c>/ritual now</c> gives a pair one room at a time, and a server a bounded number of them.</summary>
public sealed class RitualNowTests : IAsyncLifetime
{
    private FeatureHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Monday, new Dictionary<string, string?> { ["Sessions:MaxImpromptuRoomsPerGuild"] = "2" });
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task NowAsync(Snowflake who) =>
        RunAsync(_h.Api, Command(Guild, HomeChannel, User(who, "member"), "ritual", "now"), c => _h.Get<RitualCommand>().HandleAsync(c));

    private async Task<int> UnfinishedAsync(long pairId) => (await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(pairId)).Count;

    [Fact]
    public async Task Both_partners_pressing_at_once_or_again_before_the_room_opens_get_one_session()
    {
        var pair = await _h.PairAsync();

        await NowAsync(Alice);
        _h.Time.Advance(TimeSpan.FromSeconds(2)); // the room is not open yet: its prepare step has not run
        await Task.WhenAll(NowAsync(Bob), NowAsync(Alice));

        Assert.Equal(1, await UnfinishedAsync(pair.Id));
        var replies = _h.Api.Calls.SelectMany(c => c.Args.OfType<MessageSpec>().Concat(c.Args.OfType<InteractionCallback>().Select(b => b.Message).OfType<MessageSpec>()))
            .Select(m => m.Content).ToList();
        Assert.Equal(2, replies.Count(r => r == RitualTexts.AlreadyOpen.En));
    }

    [Fact]
    public async Task Pressing_just_before_a_ritual_slot_points_to_that_session_instead_of_a_second_room()
    {
        var pair = await _h.PairAsync();
        await _h.RitualAsync(pair, MondayAt14); // 13:00 UTC
        await _h.Get<SessionPlanner>().PlanNextAsync(pair.Id);
        _h.Time.SetUtcNow(Monday.AddMinutes(55));

        await NowAsync(Alice);

        Assert.Equal(1, await UnfinishedAsync(pair.Id));
        var reply = _h.Api.LastReplyText();
        Assert.True(_h.Api.LastCallback().Ephemeral);
        Assert.Contains($"<t:{Monday.AddHours(1).ToUnixTimeSeconds()}:R>", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_has_at_most_its_configured_number_of_impromptu_rooms()
    {
        var pairs = new[] { await _h.PairAsync(), await _h.PairAsync(new Snowflake(21), new Snowflake(22)), await _h.PairAsync(new Snowflake(31), new Snowflake(32)) };

        foreach (var pair in pairs)
            await NowAsync(pair.MemberA);

        var counts = new List<int>();
        foreach (var pair in pairs)
            counts.Add(await UnfinishedAsync(pair.Id));
        Assert.Equal([1, 1, 0], counts);
        Assert.Equal(RitualTexts.GuildFull.Format(CrossCoaching.Localization.Lang.En, 2), _h.Api.LastReplyText());
    }
}
