using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>A partner who left the guild, noticed whichever step asks Discord first, and what each question costs.</summary>
public sealed class PartnerDepartureTests : IAsyncLifetime
{
    private FeatureHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Monday);
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted | Permissions.EmbedLinks);
        _pair = await _h.PairAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<Session> PlanRitualAsync(int reminder)
    {
        await _h.RitualAsync(_pair, MondayAt14, reminder: reminder);
        return (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
    }

    private Task RunAtAsync(Session s, SessionStep step) => _h.RunStepAtDueAsync(s, step);

    private void BobLeft() => _h.Api.OnGetGuildMember((_, user) => user == Bob
        ? throw FakeDiscordWorld.Refusal(404, DiscordErrorCode.UnknownMember)
        : FakeDiscordWorld.Member(Alice, "alice"));

    private int MemberLookups => _h.Api.Calls.Count(c => c.Method == nameof(IDiscordApi.GetGuildMemberAsync));

    private async Task AssertSuspendedAndAliceToldAsync(Session session)
    {
        Assert.Empty(_h.Api.ChannelsCreated());
        Assert.Equal(PairStatus.Suspended, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
        Assert.Equal(SessionStatus.Cancelled, (await _h.Get<SessionRepository>().GetAsync(session.Id))!.Status);
        Assert.All(await _h.Get<SessionRepository>().GetStepsAsync(session.Id), s => Assert.NotEqual(StepState.Pending, s.State));
        Assert.Empty(await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(_pair.Id));
        Assert.Contains("Bob", Assert.Single(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Alice))).Content, StringComparison.Ordinal);
        Assert.Empty(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Bob)));
    }

    [Fact]
    public async Task A_ritual_without_reminder_makes_no_room_for_a_partner_who_left_and_suspends_the_pair()
    {
        var session = await PlanRitualAsync(reminder: 0);
        BobLeft();

        await RunAtAsync(session, SessionStep.Prepare);
        await RunAtAsync(session, SessionStep.Open);

        await AssertSuspendedAndAliceToldAsync(session);
    }

    [Fact]
    public async Task An_impromptu_session_makes_no_room_for_a_partner_who_left_and_suspends_the_pair()
    {
        var session = (await _h.Get<ImpromptuSessions>().PlanAsync(_pair, 15)).Session!;
        BobLeft();

        await RunAtAsync(session, SessionStep.Prepare); // due now, so too late to prepare ahead: opening makes the room
        await RunAtAsync(session, SessionStep.Open);

        await AssertSuspendedAndAliceToldAsync(session);
    }

    [Fact]
    public async Task A_session_whose_reminder_asked_about_the_partners_does_not_ask_again_for_its_room()
    {
        var session = await PlanRitualAsync(reminder: 10);

        await RunAtAsync(session, SessionStep.Remind);
        await RunAtAsync(session, SessionStep.Prepare);
        await RunAtAsync(session, SessionStep.Open);

        Assert.Equal(2, MemberLookups);
        Assert.Single(_h.Api.ChannelsCreated());
    }

    [Fact]
    public async Task A_session_without_reminder_asks_once_even_when_its_room_is_tried_again_at_the_slot()
    {
        _h.Cache.AddGuild(Guild, Permissions.ViewChannel | Permissions.Connect); // no Manage Channels: preparing fails
        var session = await PlanRitualAsync(reminder: 0);

        await RunAtAsync(session, SessionStep.Prepare);
        await RunAtAsync(session, SessionStep.Open);

        Assert.Equal(2, MemberLookups);
        Assert.Equal(SessionStatus.Failed, (await _h.Get<SessionRepository>().GetAsync(session.Id))!.Status);
    }

    [Fact]
    public async Task A_form_error_on_the_room_after_the_reminder_looks_again_and_finds_the_partner_gone()
    {
        var session = await PlanRitualAsync(reminder: 10);
        await RunAtAsync(session, SessionStep.Remind);
        _h.Api.Calls.Clear();
        BobLeft();
        _h.Api.On(nameof(IDiscordApi.CreateChannelAsync), _ => throw FakeDiscordWorld.Refusal(400, DiscordErrorCode.InvalidFormBody));

        await RunAtAsync(session, SessionStep.Prepare);

        Assert.Equal(PairStatus.Suspended, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
        Assert.Equal(SessionStatus.Cancelled, (await _h.Get<SessionRepository>().GetAsync(session.Id))!.Status);
        Assert.Contains("Bob", Assert.Single(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Alice))).Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_error_on_the_room_with_both_partners_here_fails_the_session_and_says_so_instead_of_retrying_forever()
    {
        _h.Api.On(nameof(IDiscordApi.CreateChannelAsync), _ => throw FakeDiscordWorld.Refusal(400, DiscordErrorCode.InvalidFormBody));
        var session = await PlanRitualAsync(reminder: 10);
        await RunAtAsync(session, SessionStep.Remind);

        await RunAtAsync(session, SessionStep.Prepare);
        var prepare = (await _h.Get<SessionRepository>().GetStepsAsync(session.Id)).Single(s => s.Step == SessionStep.Prepare);
        await RunAtAsync(session, SessionStep.Open);

        Assert.Equal(StepState.Failed, prepare.State);
        Assert.Equal(2, _h.Api.ChannelsCreated().Count); // prepared ahead, then tried once more at the slot
        Assert.Equal(PairStatus.Active, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
        Assert.Equal(SessionStatus.Failed, (await _h.Get<SessionRepository>().GetAsync(session.Id))!.Status);
        foreach (var member in new[] { Alice, Bob })
            Assert.Contains(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(member)),
                m => m.Content!.Contains("Discord refused the room's settings", StringComparison.Ordinal));
    }
}
