using CrossCoaching.Discord;
using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Dapper;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>
/// The planning net's later passes read the pairs that changed since the last pass, not every active pair; a full sweep
/// at the first pass and once a day still finds a chain of planning that broke without leaving a trace.
/// </summary>
public sealed class PlanningNetTests : IAsyncLifetime
{
    private const int Pairs = 24;
    private FeatureHarness _h = null!;
    private readonly List<Pair> _pairs = [];

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Monday);
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted);
        for (var i = 0; i < Pairs; i++)
        {
            var pair = await _h.PairAsync(new Snowflake((ulong)(100 + 2 * i)), new Snowflake((ulong)(101 + 2 * i)));
            await _h.RitualAsync(pair, MondayAt14 with { Day = DayOfWeek.Wednesday });
            _pairs.Add(pair);
        }

        // Formed a while before the bot's first pass, so that the later passes' reach back does not take them for changes.
        _h.Time.Advance(ReconcilerWindow.Overlap * 2);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task ReconcileAsync() => _h.ReconcileAsync<SessionReconciler>();

    private async Task<int> PlannedAsync()
    {
        var planned = 0;
        foreach (var pair in _pairs)
            if ((await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(pair.Id)).Count > 0)
                planned++;
        return planned;
    }

    /// <summary>Every pair's planned sessions gone without a trace in the columns the narrow reads follow (a row deleted by hand).</summary>
    private async Task BreakEveryChainAsync()
    {
        await using var db = await _h.Get<SqliteConnectionFactory>().OpenAsync();
        await db.ExecuteAsync("DELETE FROM sessions WHERE status = 'scheduled'");
    }

    [Fact]
    public async Task A_later_pass_reads_only_the_pairs_that_changed_and_plans_a_pair_whose_ritual_was_saved_between_passes()
    {
        await ReconcileAsync(); // the first pass of the process sweeps every pair
        Assert.Equal(Pairs, await PlannedAsync());
        await BreakEveryChainAsync();

        _h.Time.Advance(TimeSpan.FromMinutes(2));
        var changed = _pairs[7];
        var ritual = await _h.Get<RitualRepository>().GetAsync(changed.Id);
        await _h.Get<RitualRepository>().SaveAsync(ritual! with { DurationMinutes = 30, UpdatedAt = _h.Time.GetUtcNow() }); // saved, then a crash before planning
        _h.Time.Advance(TimeSpan.FromMinutes(2));

        var since = _h.Time.GetUtcNow().AddMinutes(-3);
        Assert.Equal([changed.Id], await _h.Get<DueSteps>().UnplannedPairsAsync(_h.Time.GetUtcNow(), since));
        await ReconcileAsync();

        Assert.Single(await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(changed.Id));
        Assert.Equal(1, await PlannedAsync());
    }

    [Fact]
    public async Task A_pair_whose_session_ended_since_the_last_pass_is_planned_by_the_next()
    {
        await ReconcileAsync();
        var pair = _pairs[3];
        var session = (await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(pair.Id)).Single();
        await BreakEveryChainAsync();
        // The session ended (recorded as missed) and the bot stopped before planning the next: only that row changed.
        await using (var db = await _h.Get<SqliteConnectionFactory>().OpenAsync())
        {
            await db.ExecuteAsync(
                """
                INSERT INTO sessions (pair_id, guild_id, kind, slot_at, duration_minutes, grace_minutes, status, outcome, created_at, closed_at, place)
                VALUES (@PairId, @GuildId, 'ritual', @SlotAt, 15, 5, 'missed', 'missed', @now, @now, 'discord')
                """, new { session.PairId, session.GuildId, SlotAt = Monday.AddDays(-5), now = _h.Time.GetUtcNow() });
        }

        _h.Time.Advance(TimeSpan.FromMinutes(2));
        await ReconcileAsync();

        Assert.Single(await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(pair.Id));
        Assert.Equal(1, await PlannedAsync());
    }

    [Fact]
    public async Task A_chain_broken_without_a_trace_is_planned_again_by_the_daily_sweep()
    {
        await ReconcileAsync();
        await BreakEveryChainAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(2));
        await ReconcileAsync();
        Assert.Equal(0, await PlannedAsync());

        _h.Time.Advance(ReconcilerWindow.FullSweepEvery);
        await ReconcileAsync();

        Assert.Equal(Pairs, await PlannedAsync());
    }
}
