using CrossCoaching.Localization;
using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Pool;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Pool.PoolWorld;

namespace CrossCoaching.Tests.Pool;

/// <summary>Matching when members join, proposals by DM, both accepting, declining, blocks and expiry.</summary>
public sealed class PoolProposalFlowTests : IAsyncLifetime
{
    /// <summary>Monday 18:00 in Paris, the first slot both default windows share after <see cref="FeatureHarness.Monday"/>.</summary>
    private static readonly Snowflake Carol = CarolUser.Id;

    private static readonly DateTimeOffset Slot = new(2026, 11, 2, 17, 0, 0, TimeSpan.Zero);

    private PoolWorld _w = null!;

    public async Task InitializeAsync() => _w = await PoolWorld.StartAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task Two_compatible_members_joining_get_a_proposal_by_dm_with_the_slot_in_their_own_time_and_accept_decline()
    {
        await _w.JoinAsync(AliceUser);
        Assert.Null(await _w.PendingAsync(AliceUser));
        await _w.JoinAsync(BobUser, windows: "mon 12:00-14:00", zone: "America/New_York");

        var proposal = await _w.PendingAsync(AliceUser);
        Assert.NotNull(proposal);
        Assert.Equal(Slot, proposal.Slot);
        var toAlice = Assert.Single(await _w.DmsAsync(AliceUser));
        var toBob = Assert.Single(await _w.DmsAsync(BobUser));
        Assert.Contains("**Bob**", toAlice.Content, StringComparison.Ordinal);
        Assert.Contains("every **Monday** at **18:00** your time (Europe/Paris)", toAlice.Content, StringComparison.Ordinal);
        Assert.Contains("every **Monday** at **12:00** your time (America/New_York)", toBob.Content, StringComparison.Ordinal);
        Assert.Equal([ProposalTexts.Accept.En, ProposalTexts.Decline.En], toAlice.Components![0].Buttons.Select(b => b.Label));
        Assert.Empty(toAlice.Mentions.Users);
    }

    [Fact]
    public async Task Both_accepting_forms_the_pair_with_its_ritual_set_and_first_session_planned_and_tells_both()
    {
        await _w.JoinAsync(AliceUser);
        await _w.JoinAsync(BobUser);
        var proposal = (await _w.PendingAsync(AliceUser))!;

        await _w.AnswerAsync(AliceUser, proposal, accept: true);
        Assert.Contains("Now waiting for **Bob**", _w.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Null(await _w.H.Get<PairRepository>().FindCurrentAsync(Guild, Alice));
        await _w.AnswerAsync(BobUser, proposal, accept: true);

        var pair = await _w.H.Get<PairRepository>().FindCurrentAsync(Guild, Alice);
        Assert.NotNull(pair);
        Assert.True(pair.Has(Bob));
        Assert.Equal(HomeChannel, pair.HomeChannelId);
        var ritual = await _w.H.Get<RitualRepository>().GetAsync(pair.Id);
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(18, 0), "Europe/Paris"), (ritual!.Rule.Day, ritual.Rule.LocalTime, ritual.Rule.TimeZoneId));
        var session = Assert.Single(await _w.H.Get<SessionRepository>().ListUnfinishedForPairAsync(pair.Id));
        Assert.Equal(Slot, session.SlotAt);
        Assert.Contains("You and **Alice** are now partners", _w.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Contains(await _w.DmsAsync(AliceUser), m => m.Content!.Contains("You and **Bob** are now partners", StringComparison.Ordinal));
        Assert.Null(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice));
    }

    [Fact]
    public async Task Only_the_two_members_may_answer_a_proposal()
    {
        await _w.JoinAsync(AliceUser);
        await _w.JoinAsync(BobUser);
        var proposal = (await _w.PendingAsync(AliceUser))!;

        await _w.AnswerAsync(CarolUser, proposal, accept: true);

        Assert.True(_w.Api.Callbacks.Last().Ephemeral);
        Assert.Contains("This proposal is for", _w.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Equal(PoolProposalStatus.Pending, (await _w.PendingAsync(AliceUser))!.Status);
    }

    [Fact]
    public async Task A_decline_puts_the_other_back_first_in_line_and_they_are_matched_again_but_never_with_the_decliner()
    {
        await _w.JoinAsync(AliceUser);
        await _w.JoinAsync(BobUser);
        var first = (await _w.PendingAsync(AliceUser))!;

        await _w.AnswerAsync(BobUser, first, accept: false);

        Assert.Contains("**Alice** will not be proposed to you again", _w.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Contains(await _w.DmsAsync(AliceUser), m => m.Content!.Contains("You are back in the matching pool, first in line", StringComparison.Ordinal));
        Assert.Null(await _w.PendingAsync(AliceUser));

        await _w.JoinAsync(CarolUser);

        var second = (await _w.PendingAsync(CarolUser))!;
        Assert.True(second.Involves(Alice));
        Assert.Null(await _w.PendingAsync(BobUser));
    }

    [Fact]
    public async Task A_block_keeps_two_members_from_being_proposed_to_each_other()
    {
        await _w.BlockAsync(BobUser, AliceUser);
        Assert.Contains("**Alice** will never be proposed to you", _w.Api.LastReplyText(), StringComparison.Ordinal);

        await _w.JoinAsync(AliceUser);
        await _w.JoinAsync(BobUser);

        Assert.Null(await _w.PendingAsync(AliceUser));
    }

    [Fact]
    public async Task Pair_alone_shows_a_pending_proposal_with_its_buttons_for_a_member_whose_dms_are_closed()
    {
        await _w.JoinAsync(AliceUser);
        await _w.JoinAsync(BobUser);

        await _w.PairAsync(AliceUser);

        var view = _w.Api.OriginalEdits[^1];
        Assert.Contains("A proposal is waiting for your answer", view.Content, StringComparison.Ordinal);
        Assert.Equal(ProposalTexts.Accept.En, view.Components![1].Buttons[0].Label);
    }

    [Fact]
    public async Task An_unanswered_proposal_expires_after_48_hours_the_one_who_accepted_goes_back_in_line_the_silent_one_leaves()
    {
        await _w.JoinAsync(AliceUser);
        await _w.JoinAsync(BobUser);
        var proposal = (await _w.PendingAsync(AliceUser))!;
        await _w.AnswerAsync(AliceUser, proposal, accept: true);

        _w.H.Time.Advance(TimeSpan.FromHours(47));
        await _w.H.Get<PoolSweeper>().ReconcileAsync();
        Assert.NotNull(await _w.PendingAsync(AliceUser));
        _w.H.Time.Advance(TimeSpan.FromHours(1));
        await _w.H.Get<PoolSweeper>().ReconcileAsync();

        Assert.Null(await _w.PendingAsync(AliceUser));
        Assert.NotNull(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice));
        Assert.Null(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Bob));
        Assert.Contains(await _w.DmsAsync(AliceUser), m => m.Content!.Contains("first in line", StringComparison.Ordinal));
        Assert.Contains(await _w.DmsAsync(BobUser), m => m.Content!.Contains("expired without your answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_entry_is_reminded_once_before_it_expires_and_stay_renews_it_otherwise_it_expires_and_the_member_is_told()
    {
        await _w.JoinAsync(AliceUser, windows: "tue 08:00-09:00");
        await _w.JoinAsync(BobUser, windows: "fri 08:00-09:00");
        var sweeper = _w.H.Get<PoolSweeper>();

        _w.H.Time.Advance(TimeSpan.FromDays(27.5));
        await sweeper.ReconcileAsync();
        await sweeper.ReconcileAsync();
        var reminder = Assert.Single(await _w.DmsAsync(AliceUser));
        Assert.Contains("Your entry in the matching pool expires", reminder.Content, StringComparison.Ordinal);
        Assert.Single(await _w.DmsAsync(BobUser));

        await _w.PressAsync(AliceUser, reminder.Components![0].Buttons[0].CustomId!);
        Assert.Equal(_w.H.Time.GetUtcNow().AddDays(30), (await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice))!.ExpiresAt);

        _w.H.Time.Advance(TimeSpan.FromDays(3));
        await sweeper.ReconcileAsync();

        Assert.NotNull(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice));
        Assert.Null(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Bob));
        Assert.Contains(await _w.DmsAsync(BobUser), m => m.Content!.StartsWith("Your entry in the matching pool has expired.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_scheduled_run_matches_once_per_cadence_and_not_again_in_the_same_period()
    {
        var runs = _w.H.Get<PoolRunRepository>();

        Assert.True(await runs.TryClaimAsync(Guild, Monday, TimeSpan.FromHours(24)));
        Assert.False(await runs.TryClaimAsync(Guild, Monday.AddHours(23), TimeSpan.FromHours(24)));
        Assert.True(await runs.TryClaimAsync(Guild, Monday.AddHours(24), TimeSpan.FromHours(24)));
    }

    [Fact]
    public async Task Managers_stats_show_the_pool_waiting_proposed_accepted_and_declined()
    {
        await _w.JoinAsync(AliceUser);
        await _w.JoinAsync(BobUser);
        await _w.AnswerAsync(BobUser, (await _w.PendingAsync(AliceUser))!, accept: false);
        await _w.JoinAsync(CarolUser);

        var stats = await _w.H.Get<PoolProposalRepository>().StatsAsync(Guild, _w.H.Time.GetUtcNow());
        var line = PoolStatsText.Render(stats, CrossCoaching.Localization.Lang.En);

        Assert.Equal("**Matching pool**: 3 waiting · 2 matches proposed (1 awaiting answers) · 0 accepted · 1 declined · 0 expired", line);
    }

    [Fact]
    public async Task A_server_purged_after_the_bot_was_removed_loses_its_pool_too()
    {
        await _w.JoinAsync(AliceUser);
        await _w.JoinAsync(BobUser);
        await _w.BlockAsync(CarolUser, AliceUser);

        await _w.H.Get<CrossCoaching.Guilds.GuildRemovalRepository>().PurgeAsync(Guild);

        Assert.Null(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice));
        Assert.Null(await _w.PendingAsync(AliceUser));
        Assert.Null(PoolStatsText.Render(await _w.H.Get<PoolProposalRepository>().StatsAsync(Guild, _w.H.Time.GetUtcNow()), CrossCoaching.Localization.Lang.En));
        Assert.False((await _w.H.Get<PoolExclusionRepository>().LoadAsync(Guild)).KeptApart(Carol.Value, Alice.Value));
    }
}
