using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>A ritual session step by step, with Discord faked and the clock moved by hand.</summary>
public sealed class SessionLifecycleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Slot = Monday.AddHours(1); // 14:00 Paris
    private FeatureHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        (_h, _pair) = await StartWithRitualAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private SessionRunner Runner => _h.Get<SessionRunner>();

    private async Task<Session> PlanAsync() => (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;

    private Task<Session?> ReloadAsync(Session s) => _h.Get<SessionRepository>().GetAsync(s.Id);

    private Task RunAtAsync(Session s, SessionStep step) => _h.RunStepAtDueAsync(s, step);

    [Fact]
    public async Task Planning_gives_every_step_its_due_time_and_arms_a_trigger_for_each()
    {
        var session = await PlanAsync();

        Assert.Equal(Slot, session.SlotAt);
        var steps = await _h.Get<SessionRepository>().GetStepsAsync(session.Id);
        Assert.Equal(
            [(SessionStep.Remind, Slot.AddMinutes(-10)), (SessionStep.Prepare, Slot.AddSeconds(-62)), (SessionStep.Open, Slot),
             (SessionStep.Warn, Slot.AddMinutes(15)), (SessionStep.Close, Slot.AddMinutes(20))],
            steps.Select(s => (s.Step, s.DueAt)));
        foreach (var step in steps)
            Assert.True(await _h.Get<CrossCoaching.Sessions.Scheduling.SessionScheduler>().IsArmedAsync(session.Id, step.Step));
        Assert.Equal(session.Id, (await PlanAsync()).Id);
    }

    [Fact]
    public async Task The_reminder_goes_to_each_partner_once_with_skip_and_late_buttons()
    {
        var session = await PlanAsync();

        await RunAtAsync(session, SessionStep.Remind);
        await Runner.RunAsync(session.Id, SessionStep.Remind);
        await _h.DrainAsync();

        foreach (var (member, partner) in new[] { (Alice, "Bob"), (Bob, "Alice") })
        {
            var dm = Assert.Single(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(member)));
            Assert.Contains(partner, dm.Content, StringComparison.Ordinal);
            Assert.Contains($"<t:{Slot.ToUnixTimeSeconds()}:", dm.Content, StringComparison.Ordinal);
            Assert.Empty(dm.Mentions.Users);
            Assert.Equal([$"session:skip:{session.Id}", $"session:late:{session.Id}"], dm.Components![0].Buttons.Select(b => b.CustomId));
        }
    }

    [Fact]
    public async Task A_partner_with_closed_DMs_is_mentioned_in_the_pairs_channel_instead()
    {
        var session = await PlanAsync();
        _h.Api.OnCreateDm(user => user == Bob
            ? throw FakeDiscordWorld.Refusal(403, DiscordErrorCode.CannotSendMessagesToUser)
            : FakeDiscordWorld.Dm(user));

        await RunAtAsync(session, SessionStep.Remind);

        var fallback = Assert.Single(_h.Api.MessagesIn(HomeChannel));
        Assert.StartsWith($"<@{Bob}>", fallback.Content, StringComparison.Ordinal);
        Assert.Equal([Bob], fallback.Mentions.Users);
        Assert.Single(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Alice)));
    }

    [Fact]
    public async Task The_room_is_private_to_the_pair_and_managed_by_the_bot_and_made_once()
    {
        var session = await PlanAsync();

        await RunAtAsync(session, SessionStep.Prepare);
        await RunAtAsync(session, SessionStep.Open);
        await Runner.RunAsync(session.Id, SessionStep.Prepare);

        var room = Assert.Single(_h.Api.ChannelsCreated());
        Assert.Equal((ChannelType.GuildVoice, 2, "☕ Alice & Bob"), (room.Type, room.UserLimit, room.Name));
        Assert.Equal(
        [
            new PermissionOverwrite(Guild, OverwriteType.Role, Permissions.None, Permissions.ViewChannel),
            new PermissionOverwrite(Alice, OverwriteType.Member, RoomPermissions.PartnerAllow, Permissions.None),
            new PermissionOverwrite(Bob, OverwriteType.Member, RoomPermissions.PartnerAllow, Permissions.None),
            new PermissionOverwrite(FakeGuildCache.Bot, OverwriteType.Member, RoomPermissions.BotAllow, Permissions.None),
        ], room.Overwrites);
        Assert.Equal(SessionStatus.Open, (await ReloadAsync(session))!.Status);
    }

    [Fact]
    public async Task The_room_never_grants_a_bit_the_bot_does_not_hold()
    {
        _h.Cache.AddGuild(Guild, RoomPermissions.Required | Permissions.Speak | Permissions.SendMessages); // no USE_VAD, no STREAM
        var session = await PlanAsync();

        await RunAtAsync(session, SessionStep.Prepare);

        var partner = Assert.Single(_h.Api.ChannelsCreated()).Overwrites!.Single(o => o.Id == Alice);
        Assert.Equal(Permissions.ViewChannel | Permissions.Connect | Permissions.Speak | Permissions.SendMessages, partner.Allow);
    }

    [Fact]
    public async Task Opening_welcomes_both_partners_with_a_ping_and_plans_the_next_session()
    {
        var session = await PlanAsync();

        await RunAtAsync(session, SessionStep.Open);

        var room = (await ReloadAsync(session))!.RoomChannelId!.Value;
        var welcome = Assert.Single(_h.Api.MessagesIn(room));
        Assert.Contains($"<@{Alice}>", welcome.Content, StringComparison.Ordinal);
        Assert.Equal([Alice, Bob], welcome.Mentions.Users);
        var next = await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(_pair.Id);
        Assert.Contains(next, s => s.SlotAt == Slot.AddDays(7));
    }

    [Fact]
    public async Task A_welcome_discord_refuses_is_logged_with_ids_and_code_and_the_session_still_opens()
    {
        var partners = new[] { FakeDiscordWorld.DmChannelOf(Alice), FakeDiscordWorld.DmChannelOf(Bob), HomeChannel };
        _h.Api.OnCreateMessage((channel, _) => partners.Contains(channel)
            ? new Message(FakeDiscordWorld.NextId(), channel)
            : throw FakeDiscordWorld.Refusal(403, DiscordErrorCode.MissingPermissions));
        var session = await PlanAsync();

        await RunAtAsync(session, SessionStep.Open);

        var opened = (await ReloadAsync(session))!;
        Assert.Equal(SessionStatus.Open, opened.Status);
        var welcome = Assert.Single(_h.Api.MessagesIn(opened.RoomChannelId!.Value));
        var line = Assert.Single(_h.Logs.Lines, l => l.StartsWith("Warning CrossCoaching.Messaging.OutboxWorker:", StringComparison.Ordinal));
        Assert.Contains($"session {session.Id},", line, StringComparison.Ordinal);
        Assert.Contains($"channel {opened.RoomChannelId})", line, StringComparison.Ordinal);
        Assert.Contains("HTTP 403, code 50013", line, StringComparison.Ordinal);
        Assert.Contains($"<@{Alice}>", welcome.Content, StringComparison.Ordinal);
        Assert.DoesNotContain($"<@{Alice}>", line, StringComparison.Ordinal); // no message content in the log
        Assert.DoesNotContain("test-token", _h.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warning_then_close_deletes_the_room_records_the_outcome_and_offers_the_takeaway()
    {
        var session = await PlanAsync();
        await RunAtAsync(session, SessionStep.Open);
        var room = (await ReloadAsync(session))!.RoomChannelId!.Value;
        var attendance = _h.Get<AttendanceRepository>();
        await attendance.JoinAsync(session.Id, Alice, Slot.AddMinutes(1));
        await attendance.JoinAsync(session.Id, Bob, Slot.AddMinutes(2));

        await RunAtAsync(session, SessionStep.Warn);
        await RunAtAsync(session, SessionStep.Close);

        Assert.Equal(2, _h.Api.MessagesIn(room).Count);
        Assert.Equal([room], _h.Api.ChannelsDeleted());
        var closed = (await ReloadAsync(session))!;
        Assert.Equal((SessionStatus.Closed, SessionOutcome.Held, (Snowflake?)null), (closed.Status, closed.Outcome, closed.RoomChannelId));
        var after = _h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Alice))[^1];
        Assert.Equal($"takeaway:share:{session.Id}", after.Components![0].Buttons[0].CustomId);
    }

    [Fact]
    public async Task With_no_grace_the_warning_still_comes_before_the_room_goes()
    {
        await using var h = await StartAsync(Monday, new() { ["Sessions:GraceMinutes"] = "0" });
        h.Cache.AddGuild(Guild, RoomPermissions.Wanted);
        var pair = await h.PairAsync();
        await h.RitualAsync(pair, MondayAt14);
        var session = (await h.Get<SessionPlanner>().PlanNextAsync(pair.Id))!;
        h.Time.SetUtcNow(Slot);
        await h.Get<SessionRunner>().RunAsync(session.Id, SessionStep.Open);
        await h.DrainAsync(); // the welcome is in the room before the close: the last message there is the close's

        h.Time.SetUtcNow(Slot.AddMinutes(15));
        await h.Get<SessionRunner>().RunAsync(session.Id, SessionStep.Close);
        await h.DrainAsync();

        var room = h.Api.ChannelsDeleted()[0];
        var warning = h.Api.MessagesIn(room)[^1];
        Assert.Contains("⌛", warning.Content, StringComparison.Ordinal);
        Assert.Contains(h.Api.MessagesSentBefore(nameof(IDiscordApi.DeleteChannelAsync)), m => m.Channel == room && ReferenceEquals(m.Message, warning));
    }

    [Fact]
    public async Task A_partner_gone_from_the_guild_suspends_the_pair_and_tells_the_other()
    {
        _h.Api.OnGetGuildMember((_, user) => user == Bob
            ? throw FakeDiscordWorld.Refusal(404, DiscordErrorCode.UnknownMember)
            : FakeDiscordWorld.Member(Alice, "alice"));
        var session = await PlanAsync();

        await RunAtAsync(session, SessionStep.Remind);

        Assert.Equal(PairStatus.Suspended, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
        Assert.Equal(SessionStatus.Cancelled, (await ReloadAsync(session))!.Status);
        Assert.Contains("Bob", Assert.Single(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Alice))).Content, StringComparison.Ordinal);
        Assert.Empty(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Bob)));
    }
}
