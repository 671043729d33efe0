using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Tests.Discord.Rest.Support;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>
/// Rooms beyond a full configured category go to an overflow category the bot makes. The gateway tells the bot about
/// that category late or never (this fake cache is never told), so the bot trusts the id Discord gave it until Discord
/// says the category is gone.
/// </summary>
public sealed class RoomOverflowTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Slot = Monday.AddHours(1);
    private static readonly Snowflake Configured = new(6000), Carol = new(13), Dave = new(14);
    private FeatureHarness _h = null!;
    private Session _first = null!, _second = null!;
    private Pair _secondPair = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Monday);
        var full = Enumerable.Range(1, RoomService.CategoryCapacity).Select(i =>
            new Channel(new Snowflake(6000 + (ulong)i), ChannelType.GuildText, Guild, Configured, $"c{i}", [])).ToArray();
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted, [new Channel(Configured, ChannelType.GuildCategory, Guild, null, "Rooms", []), .. full]);
        await _h.Get<GuildSettingsRepository>().SaveAsync(new GuildConfig(Guild, CategoryId: Configured));
        var pair = await _h.PairAsync();
        _secondPair = await _h.PairAsync(Carol, Dave);
        await _h.RitualAsync(pair, MondayAt14);
        await _h.RitualAsync(_secondPair, MondayAt14);
        _first = (await _h.Get<SessionPlanner>().PlanNextAsync(pair.Id))!;
        _second = (await _h.Get<SessionPlanner>().PlanNextAsync(_secondPair.Id))!;
        _h.Time.SetUtcNow(Slot);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task OpenAsync(Session session) => _h.Get<SessionRunner>().RunAsync(session.Id, SessionStep.Open);

    private async Task<Session> ReloadAsync(Session session) => (await _h.Get<SessionRepository>().GetAsync(session.Id))!;

    private Task<IReadOnlyList<Snowflake>> OverflowsAsync() => _h.Get<RoomRepository>().ListOverflowCategoriesAsync(Guild);

    private int CategoriesCreated() => _h.Api.ChannelsCreated().Count(c => c.Type == ChannelType.GuildCategory);

    /// <summary>Opens the first session: its room goes to a new overflow category, which is returned.</summary>
    private async Task<Snowflake> FirstRoomInOverflowAsync()
    {
        await OpenAsync(_first);
        var overflow = (await ReloadAsync(_first)).RoomParentId!.Value;
        Assert.NotEqual(Configured, overflow);
        Assert.Equal([overflow], await OverflowsAsync());
        return overflow;
    }

    /// <summary>Discord refuses rooms in <paramref name="gone"/> with <paramref name="refusal"/>, and makes the rest.</summary>
    private void RefuseRoomsIn(Snowflake gone, DiscordApiException refusal)
    {
        _h.Api.OnCreateChannel((guild, spec) => spec.ParentId == gone ? throw refusal : FakeDiscordWorld.Room(guild, spec));
    }

    [Fact]
    public async Task An_overflow_category_the_gateway_has_not_shown_yet_still_takes_the_next_room()
    {
        var overflow = await FirstRoomInOverflowAsync();

        await OpenAsync(_second);

        Assert.Equal(1, CategoriesCreated());
        Assert.Equal(overflow, (await ReloadAsync(_second)).RoomParentId);
        Assert.Equal([overflow], await OverflowsAsync());
        Assert.Empty(_h.Api.ChannelsDeleted());
    }

    public static TheoryData<DiscordApiException> CategoryGone => new()
    {
        FakeDiscordWorld.Refusal(404, DiscordErrorCode.UnknownChannel),
        FakeDiscordWorld.Refusal(400, DiscordErrorCode.InvalidFormBody, new DiscordFieldError("parent_id", "CHANNEL_PARENT_INVALID")),
    };

    [Theory]
    [MemberData(nameof(CategoryGone))]
    public async Task An_overflow_category_discord_says_is_gone_is_forgotten_and_the_room_goes_to_a_new_one(DiscordApiException refusal)
    {
        var gone = await FirstRoomInOverflowAsync();
        // The gateway did show it, but its deletion happened while the bot was away.
        _h.Cache.AddChannel(Guild, new Channel(gone, ChannelType.GuildCategory, Guild, null, "Rooms +", []));
        RefuseRoomsIn(gone, refusal);

        await OpenAsync(_second);

        var second = await ReloadAsync(_second);
        Assert.Equal(SessionStatus.Open, second.Status);
        Assert.Equal(2, CategoriesCreated());
        var replacement = Assert.Single(await OverflowsAsync());
        Assert.NotEqual(gone, replacement);
        Assert.Equal(replacement, second.RoomParentId);
    }

    [Fact]
    public async Task A_departed_partner_refused_in_an_overflow_category_does_not_make_the_bot_forget_it()
    {
        var overflow = await FirstRoomInOverflowAsync();
        RefuseRoomsIn(overflow, FakeDiscordWorld.Refusal(400, DiscordErrorCode.InvalidFormBody,
            new DiscordFieldError("permission_overwrites.1.id", "UNKNOWN_MEMBER")));

        await OpenAsync(_second); // refused: the session fails with an explanation, the category stays

        Assert.Equal(1, CategoriesCreated());
        Assert.Equal([overflow], await OverflowsAsync());
    }

    [Fact]
    public async Task An_overflow_category_deleted_by_hand_is_forgotten_and_the_next_room_gets_a_new_one()
    {
        var gone = await FirstRoomInOverflowAsync();

        await _h.Get<RoomEvents>().HandleAsync(new ChannelDeleted(new Channel(gone, ChannelType.GuildCategory, Guild, null, "Rooms +", [])));
        await OpenAsync(_second);

        Assert.Equal(2, CategoriesCreated());
        var replacement = Assert.Single(await OverflowsAsync());
        Assert.NotEqual(gone, replacement);
        Assert.Equal(replacement, (await ReloadAsync(_second)).RoomParentId);
    }

    [Fact]
    public async Task A_room_is_recorded_before_its_creation_lets_go_of_the_guild_so_an_emptiness_check_keeps_its_category()
    {
        var overflow = await FirstRoomInOverflowAsync();

        var room = await _h.Get<RoomService>().CreateAsync(_second, _secondPair, "☕ Carol & Dave");
        await _h.Get<RoomService>().RemoveEmptyOverflowsAsync(Guild);

        var second = await ReloadAsync(_second);
        Assert.Equal((room.Id, (Snowflake?)overflow), (second.RoomChannelId!.Value, second.RoomParentId));
        Assert.Equal([overflow], await OverflowsAsync());
        Assert.Empty(_h.Api.ChannelsDeleted());
    }

    [Fact]
    public async Task Closing_the_last_room_of_an_overflow_category_waits_for_a_room_being_made_in_it()
    {
        var overflow = await FirstRoomInOverflowAsync();
        var firstRoom = (await ReloadAsync(_first)).RoomChannelId!.Value;
        using var discordAnswers = new ManualResetEventSlim();
        _h.Api.OnCreateChannel((guild, spec) =>
        {
            Assert.True(discordAnswers.Wait(TimeSpan.FromSeconds(10)), "the test never let Discord answer");
            return FakeDiscordWorld.Room(guild, spec);
        });

        var opening = OpenAsync(_second);
        await Eventually.True(() => _h.Api.ChannelsCreated().Count == 3, "the second room's creation");
        _h.Time.SetUtcNow(Slot.AddMinutes(20));
        var closing = _h.Get<SessionRunner>().RunAsync(_first.Id, SessionStep.Close);
        await Eventually.True(() => _h.Api.ChannelsDeleted().Contains(firstRoom), "the first room's deletion");
        await Eventually.Settle(); // the close now looks at the category, or waits to
        discordAnswers.Set();
        await Task.WhenAll(opening, closing);

        Assert.Equal([firstRoom], _h.Api.ChannelsDeleted());
        Assert.Equal([overflow], await OverflowsAsync());
        Assert.Equal(overflow, (await ReloadAsync(_second)).RoomParentId);
    }
}
