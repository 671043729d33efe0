using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;

namespace CrossCoaching.Tests.Rituals;

/// <summary>The defects of issue 12 found around <c>/ritual</c>: skip, set while paused, and a pair coming back.</summary>
public sealed class RitualDefectTests : IAsyncLifetime
{
    private static readonly DiscordUser AliceUser = User(Alice, "Alice");
    private static readonly DateTimeOffset Slot = Monday.AddHours(1); // Monday 14:00 in Paris
    private FeatureHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync() => (_h, _pair) = await StartWithRitualAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task RitualAsync(string subcommand, params InteractionOption[] options) =>
        RunAsync(_h.Api, Command(Guild, HomeChannel, AliceUser, "ritual", subcommand, options), c => _h.Get<RitualCommand>().HandleAsync(c));

    private SessionRepository Sessions => _h.Get<SessionRepository>();

    private Task<IReadOnlyList<Session>> UnfinishedAsync() => Sessions.ListUnfinishedForPairAsync(_pair.Id);

    [Fact]
    public async Task Ritual_skip_during_an_open_session_skips_the_next_one_instead_of_answering_already_started()
    {
        var open = (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        await _h.RunStepAtDueAsync(open, SessionStep.Prepare);
        await _h.RunStepAtDueAsync(open, SessionStep.Open);
        Assert.Equal(SessionStatus.Open, (await Sessions.GetAsync(open.Id))!.Status);

        await RitualAsync("skip");

        Assert.DoesNotContain("already started", _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Open, (await Sessions.GetAsync(open.Id))!.Status);
        var skipped = (await Sessions.FindAtSlotAsync(_pair.Id, Slot.AddDays(7)))!;
        Assert.Equal(SessionStatus.Skipped, skipped.Status);
        Assert.Contains(await UnfinishedAsync(), s => s.SlotAt == Slot.AddDays(14) && s.Status == SessionStatus.Scheduled);
    }

    [Fact]
    public async Task A_skip_recorded_under_an_old_rule_does_not_drop_an_occurrence_of_the_new_rule()
    {
        // Friday 14:00; skip this Friday; then the ritual moves to Wednesday 14:00: this Wednesday (before the skipped
        // Friday) still happens, and the reply and /ritual show say so.
        await RitualAsync("set", Text("day", "friday"), Text("time", "14:00"), Text("timezone", "Europe/Paris"));
        await RitualAsync("skip");
        var friday = Slot.AddDays(4);
        Assert.Equal(SessionStatus.Skipped, (await Sessions.FindAtSlotAsync(_pair.Id, friday))!.Status);

        await RitualAsync("set", Text("day", "wednesday"), Text("time", "14:00"));

        var wednesday = Slot.AddDays(2);
        var reply = _h.Api.LastReplyText();
        Assert.Contains($"<t:{wednesday.ToUnixTimeSeconds()}:F>", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", reply, StringComparison.Ordinal);
        Assert.Equal(wednesday, Assert.Single(await UnfinishedAsync()).SlotAt);
        await RitualAsync("show");
        Assert.Contains($"<t:{wednesday.ToUnixTimeSeconds()}:F>", _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", _h.Api.LastReplyText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_skip_of_an_occurrence_the_new_rule_still_has_is_kept_and_shown()
    {
        await RitualAsync("skip");

        await RitualAsync("set", Text("day", "monday"), Text("time", "14:00"), Number("duration", 20));

        Assert.Contains("skipped", _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Equal(Slot.AddDays(7), Assert.Single(await UnfinishedAsync()).SlotAt);
    }

    [Fact]
    public async Task The_ritual_set_reply_lists_no_upcoming_sessions_while_the_ritual_is_paused()
    {
        await RitualAsync("pause");

        await RitualAsync("set", Text("day", "tuesday"), Text("time", "09:00"));

        var reply = _h.Api.LastReplyText();
        Assert.DoesNotContain("Next sessions", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("<t:", reply, StringComparison.Ordinal);
        Assert.Contains("paused", reply, StringComparison.Ordinal);
        Assert.Empty(await UnfinishedAsync());
        await _h.DrainAsync();
        Assert.DoesNotContain("<t:", _h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Bob))[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pair_suspended_because_a_partner_left_is_resumed_once_the_partner_is_back()
    {
        await _h.Get<PairRepository>().SuspendAsync(_pair.Id, "partner left the guild");
        _h.Api.OnGetGuildMember((_, user) => user == Bob
            ? throw FakeDiscordWorld.Refusal(404, DiscordErrorCode.UnknownMember)
            : FakeDiscordWorld.Member(Alice, "alice"));

        await RitualAsync("resume");
        Assert.Contains("stays suspended", _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Equal(PairStatus.Suspended, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);

        _h.Api.OnGetGuildMember((_, user) => FakeDiscordWorld.Member(user));
        await RitualAsync("resume");

        Assert.Equal(PairStatus.Active, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
        Assert.Contains("back on", _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Equal(Slot, Assert.Single(await UnfinishedAsync()).SlotAt);
        await _h.DrainAsync();
        Assert.Contains(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Bob)), m => m.Content!.Contains("resumed", StringComparison.Ordinal));
    }
}
