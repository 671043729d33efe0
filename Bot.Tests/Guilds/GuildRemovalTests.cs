using CrossCoaching.Discord;
using CrossCoaching.Guilds;
using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Guilds;

/// <summary>GUILD_DELETE as a removal (the bot kicked) and as an outage, and GUILD_CREATE bringing the server back.</summary>
public sealed class GuildRemovalTests : IAsyncLifetime
{
    private FeatureHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        (_h, _pair) = await StartWithRitualAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task DeliverAsync(DiscordEvent e) => _h.Get<IEnumerable<IDiscordEventHandler>>().OfType<GuildEvents>().Single().HandleAsync(e);

    private async Task<Session> PlanAsync() => (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;

    private Task<Session?> ReloadAsync(Session s) => _h.Get<SessionRepository>().GetAsync(s.Id);

    private Task ReconcileAsync() => _h.Get<Reconciler>().RunOnceAsync();

    private int DiscordCalls => _h.Api.Calls.Count;

    [Fact]
    public async Task Removal_cancels_the_servers_sessions_without_a_call_to_the_server_and_tells_both_partners_by_direct_message()
    {
        var session = await PlanAsync();
        await _h.RunStepAtDueAsync(session, SessionStep.Prepare);
        Assert.NotNull((await ReloadAsync(session))!.RoomChannelId);

        await DeliverAsync(new GuildRemoved(Guild, Unavailable: false));
        await _h.DrainAsync();

        var cancelled = (await ReloadAsync(session))!;
        Assert.Equal((SessionStatus.Cancelled, (Snowflake?)null), (cancelled.Status, cancelled.RoomChannelId));
        Assert.Empty(_h.Api.ChannelsDeleted());
        Assert.Empty(_h.Api.MessagesIn(HomeChannel)); // no public fallback
        foreach (var member in _pair.Members)
        {
            var dm = Assert.Single(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(member)), m => m.Content!.Contains("removed", StringComparison.Ordinal));
            Assert.Contains("30 days", dm.Content, StringComparison.Ordinal);
            Assert.Empty(dm.Mentions.Users);
        }
    }

    [Fact]
    public async Task A_server_left_while_the_bot_was_away_is_seen_as_removed_when_READY_no_longer_lists_it()
    {
        var session = await PlanAsync();

        // A fresh process: nothing cached, only READY's list of the shard's guilds to go by.
        await DeliverAsync(new GuildsListed(new HashSet<Snowflake> { new(999) }, ShardId: null, ShardCount: null));
        await _h.DrainAsync();

        Assert.True(await _h.Get<GuildGate>().IsRemovedAsync(Guild));
        Assert.Equal(SessionStatus.Cancelled, (await ReloadAsync(session))!.Status);
    }

    [Fact]
    public async Task A_listed_server_holds_its_steps_until_its_GUILD_CREATE_and_a_server_of_another_shard_is_left_alone()
    {
        var session = await PlanAsync();
        Assert.Equal(0UL, (Guild.Value >> 22) % 2); // the guild belongs to shard 0 of 2

        await DeliverAsync(new GuildsListed(new HashSet<Snowflake>(), ShardId: 1, ShardCount: 2));
        Assert.False(await _h.Get<GuildGate>().IsRemovedAsync(Guild));

        await DeliverAsync(new GuildsListed(new HashSet<Snowflake> { Guild }, ShardId: null, ShardCount: null));
        Assert.True(_h.Get<GuildGate>().IsOut(Guild));
        await DeliverAsync(new GuildAvailable(Guild, []));
        Assert.False(_h.Get<GuildGate>().IsOut(Guild));
        Assert.Equal(SessionStatus.Scheduled, (await ReloadAsync(session))!.Status);
    }

    [Fact]
    public async Task A_partner_whose_direct_messages_are_closed_is_not_mentioned_publicly_and_the_other_is_still_told()
    {
        _h.Api.OnCreateMessage((channel, _) => channel == FakeDiscordWorld.DmChannelOf(Alice)
            ? throw FakeDiscordWorld.Refusal(403, DiscordErrorCode.CannotSendMessagesToUser)
            : new Message(FakeDiscordWorld.NextId(), channel));

        await DeliverAsync(new GuildRemoved(Guild, Unavailable: false));
        await _h.DrainAsync();

        Assert.Empty(_h.Api.MessagesIn(HomeChannel));
        Assert.Single(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Bob)));
    }

    [Fact]
    public async Task After_a_removal_nothing_is_planned_run_or_retried_there_and_a_second_GUILD_DELETE_tells_no_one_again()
    {
        var session = await PlanAsync();
        await DeliverAsync(new GuildRemoved(Guild, Unavailable: false));
        await _h.DrainAsync();
        var calls = DiscordCalls;

        _h.Time.Advance(TimeSpan.FromDays(8)); // several slots pass
        for (var pass = 0; pass < 3; pass++)
            await ReconcileAsync();
        await DeliverAsync(new GuildRemoved(Guild, Unavailable: false));
        await _h.DrainAsync();

        Assert.Null(await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id));
        Assert.Equal(calls, DiscordCalls);
        Assert.Equal([session.Id], (await _h.Get<SessionRepository>().ListForPairAsync(_pair.Id)).Select(s => s.Id));
        Assert.True(await _h.Get<GuildRemovalRepository>().IsRemovedAsync(Guild)); // in the database: it survives a restart
    }

    [Fact]
    public async Task Adding_the_bot_back_restores_the_pairs_planning()
    {
        await PlanAsync();
        await DeliverAsync(new GuildRemoved(Guild, Unavailable: false));

        await DeliverAsync(new GuildAvailable(Guild, []));

        Assert.False(await _h.Get<GuildRemovalRepository>().IsRemovedAsync(Guild));
        var next = Assert.Single(await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(_pair.Id));
        Assert.Equal(SessionStatus.Scheduled, next.Status);
    }

    [Fact]
    public async Task A_removed_servers_data_is_deleted_after_the_retention_and_not_before()
    {
        var session = await PlanAsync();
        await DeliverAsync(new GuildRemoved(Guild, Unavailable: false));
        var other = await _h.Get<InvitationRepository>().CreateAsync(new Snowflake(6000), new Snowflake(6001), Alice, "Alice", Bob, _h.Time.GetUtcNow(), _h.Time.GetUtcNow().AddHours(1));
        var kept = (await _h.Get<PairRepository>().CreateFromInvitationAsync(other!, "Alice", "Bob", _h.Time.GetUtcNow())).Pair!;

        _h.Time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        await ReconcileAsync();
        Assert.NotNull(await _h.Get<PairRepository>().GetAsync(_pair.Id));

        _h.Time.Advance(TimeSpan.FromMinutes(2));
        await ReconcileAsync();

        Assert.Null(await _h.Get<PairRepository>().GetAsync(_pair.Id));
        Assert.Null(await ReloadAsync(session));
        Assert.Empty(await _h.Get<PairRepository>().ListInGuildAsync(Guild));
        Assert.False(await _h.Get<GuildRemovalRepository>().IsRemovedAsync(Guild));
        Assert.NotNull(await _h.Get<PairRepository>().GetAsync(kept.Id)); // another server keeps its data
    }

    [Fact]
    public async Task During_an_outage_a_due_step_waits_without_calling_Discord_and_runs_when_the_server_is_back()
    {
        var session = await PlanAsync();
        await DeliverAsync(new GuildRemoved(Guild, Unavailable: true));
        var calls = DiscordCalls;

        await _h.RunStepAtDueAsync(session, SessionStep.Open);
        await ReconcileAsync();
        Assert.Equal(calls, DiscordCalls);
        Assert.Equal(SessionStatus.Scheduled, (await ReloadAsync(session))!.Status);

        await DeliverAsync(new GuildAvailable(Guild, []));
        await _h.DrainAsync();

        var opened = (await ReloadAsync(session))!;
        Assert.Equal(SessionStatus.Open, opened.Status);
        Assert.NotNull(opened.RoomChannelId);
        Assert.True(await _h.Get<GuildRemovalRepository>().IsRemovedAsync(Guild) is false);
    }

    [Fact]
    public async Task The_retention_is_a_validated_option()
    {
        await using var h = await StartAsync(Monday, new() { ["Guilds:RemovedRetentionDays"] = "7" });
        Assert.Equal(7, h.Get<Microsoft.Extensions.Options.IOptions<GuildOptions>>().Value.RemovedRetentionDays);
        var failure = new GuildOptionsValidator().Validate(null, new GuildOptions { RemovedRetentionDays = 0 });
        Assert.Contains("Guilds__RemovedRetentionDays", failure.FailureMessage, StringComparison.Ordinal);
    }
}
