using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;
using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>The safety net: what the reconciler repairs after downtime, lost triggers and hands in the guild settings.</summary>
public sealed class SessionReconcilerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Slot = Monday.AddHours(1);
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

    private async Task ReconcileAsync()
    {
        await _h.Get<Reconciler>().RunOnceAsync();
        await _h.DrainAsync();
    }

    private async Task<Session> FirstAsync() => (await _h.Get<SessionRepository>().ListForPairAsync(_pair.Id))[0];

    [Fact]
    public async Task An_open_room_past_its_close_time_is_deleted_at_once_and_no_second_room_is_made()
    {
        await ReconcileAsync();
        _h.Time.SetUtcNow(Slot);
        await _h.Get<SessionRunner>().RunAsync((await FirstAsync()).Id, SessionStep.Open);
        var room = (await FirstAsync()).RoomChannelId!.Value;

        _h.Time.SetUtcNow(Slot.AddHours(3)); // the bot was down through the close
        await ReconcileAsync();

        Assert.Equal([room], _h.Api.ChannelsDeleted());
        Assert.Single(_h.Api.ChannelsCreated());
        Assert.Equal(SessionStatus.Closed, (await FirstAsync()).Status);
    }

    [Fact]
    public async Task A_slot_that_passed_while_the_bot_was_down_is_recorded_as_missed_and_never_opened_late()
    {
        await ReconcileAsync();

        _h.Time.SetUtcNow(Slot.AddMinutes(16)); // more than the 15-minute duration
        await ReconcileAsync();

        var missed = await FirstAsync();
        Assert.Equal((SessionStatus.Missed, SessionOutcome.Missed), (missed.Status, missed.Outcome));
        Assert.Empty(_h.Api.ChannelsCreated());
        Assert.Empty(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Alice))); // the stale reminder is dropped
        Assert.Contains(await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(_pair.Id), s => s.SlotAt == Slot.AddDays(7));
    }

    [Fact]
    public async Task A_pair_whose_planning_throws_does_not_stop_the_pass_for_the_others()
    {
        await ReconcileAsync();
        var broken = await _h.PairAsync(new Snowflake(13), new Snowflake(14));
        await _h.RitualAsync(broken, MondayAt14);
        await using (var db = await _h.Get<SqliteConnectionFactory>().OpenAsync()) // a row no command would write
            await db.ExecuteAsync("UPDATE rituals SET local_time = 'teatime' WHERE pair_id = @Id", new { broken.Id });

        _h.Time.SetUtcNow(Slot.AddMinutes(5));
        await ReconcileAsync();

        Assert.Equal(SessionStatus.Open, (await FirstAsync()).Status);
        Assert.Contains($"plan the next session of pair {broken.Id}", _h.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slot_a_few_minutes_late_still_opens()
    {
        await ReconcileAsync();

        _h.Time.SetUtcNow(Slot.AddMinutes(5));
        await ReconcileAsync();

        Assert.Equal(SessionStatus.Open, (await FirstAsync()).Status);
        Assert.Single(_h.Api.ChannelsCreated());
    }

    [Fact]
    public async Task A_room_deleted_by_hand_ends_its_session_cleanly()
    {
        await ReconcileAsync();
        _h.Time.SetUtcNow(Slot);
        var session = await FirstAsync();
        await _h.Get<SessionRunner>().RunAsync(session.Id, SessionStep.Open);
        var room = (await FirstAsync()).RoomChannelId!.Value;

        _h.Time.SetUtcNow(Slot.AddMinutes(4));
        await _h.Get<RoomEvents>().HandleAsync(new ChannelDeleted(new Channel(room, ChannelType.GuildVoice, Guild, null, "x", [])));
        await _h.DrainAsync();

        var ended = await FirstAsync();
        Assert.Equal((SessionStatus.Closed, (Snowflake?)null), (ended.Status, ended.RoomChannelId));
        Assert.Empty(_h.Api.ChannelsDeleted());
        Assert.Contains(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Bob)), m => m.Content!.Contains("deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Voice_presence_in_the_room_is_recorded_as_attendance()
    {
        await ReconcileAsync();
        _h.Time.SetUtcNow(Slot);
        var session = await FirstAsync();
        await _h.Get<SessionRunner>().RunAsync(session.Id, SessionStep.Open);
        var room = (await FirstAsync()).RoomChannelId!.Value;
        var events = _h.Get<RoomEvents>();

        await events.HandleAsync(new VoiceStateChanged(Guild, Alice, room, null));
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        await events.HandleAsync(new VoiceStateChanged(Guild, Alice, null, room));

        var stay = Assert.Single(await _h.Get<AttendanceRepository>().ListAsync(session.Id));
        Assert.Equal((Alice, Slot, Slot.AddMinutes(5)), (stay.UserId, stay.JoinedAt, stay.LeftAt));
    }

    [Fact]
    public async Task A_full_category_sends_rooms_to_an_overflow_category_removed_once_empty()
    {
        var category = new Snowflake(6000);
        var children = Enumerable.Range(1, RoomService.CategoryCapacity).Select(i =>
            new Channel(new Snowflake(6000 + (ulong)i), ChannelType.GuildText, Guild, category, $"c{i}", [])).ToArray();
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted, [new Channel(category, ChannelType.GuildCategory, Guild, null, "Rooms", []), .. children]);
        await _h.Get<GuildSettingsRepository>().SaveAsync(new GuildConfig(Guild, CategoryId: category));
        await ReconcileAsync();
        _h.Time.SetUtcNow(Slot);
        var session = await FirstAsync();

        await _h.Get<SessionRunner>().RunAsync(session.Id, SessionStep.Open);

        var created = _h.Api.ChannelsCreated();
        Assert.Equal(ChannelType.GuildCategory, created[0].Type);
        var overflow = (await FirstAsync()).RoomParentId!.Value;
        Assert.NotEqual(category, overflow);
        Assert.Equal([overflow], await _h.Get<RoomRepository>().ListOverflowCategoriesAsync(Guild));

        _h.Time.SetUtcNow(Slot.AddMinutes(20));
        await _h.Get<SessionRunner>().RunAsync(session.Id, SessionStep.Close);

        Assert.Contains(overflow, _h.Api.ChannelsDeleted());
        Assert.Empty(await _h.Get<RoomRepository>().ListOverflowCategoriesAsync(Guild));
    }

    [Fact]
    public async Task A_room_left_untracked_by_a_crash_is_recognised_and_deleted()
    {
        var stray = new Channel(new Snowflake(Snowflake2020()), ChannelType.GuildVoice, Guild, null, "☕ Alice & Bob",
            RoomPermissions.For(Guild, _pair, FakeGuildCache.Bot, RoomPermissions.Wanted), 2);
        var unrelated = stray with { Id = new Snowflake(Snowflake2020() + 1), Overwrites = [] };
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted, stray, unrelated);

        await ReconcileAsync();

        Assert.Equal([stray.Id], _h.Api.ChannelsDeleted());
    }

    [Fact]
    public async Task A_ritual_paused_until_a_date_resumes_by_itself_and_tells_both()
    {
        await ReconcileAsync();
        var ritual = (await _h.Get<RitualRepository>().GetAsync(_pair.Id))!;
        await _h.Get<RitualRepository>().SaveAsync(ritual with { Paused = true, PausedUntil = new DateOnly(2026, 11, 20) });
        await _h.Get<RitualChanges>().ReplanAsync(_pair);
        Assert.Empty(await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(_pair.Id));

        _h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 19, 23, 30, 0, TimeSpan.Zero)); // 00:30 on the 20th in Paris
        await ReconcileAsync();

        Assert.False((await _h.Get<RitualRepository>().GetAsync(_pair.Id))!.Paused);
        var next = Assert.Single(await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(_pair.Id));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero), next.SlotAt);
        Assert.Single(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Alice)));
        Assert.Single(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Bob)));
    }

    /// <summary>An id created in 2020: old enough not to be a creation in flight.</summary>
    private static ulong Snowflake2020() => (ulong)(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() - 1420070400000) << 22;
}
