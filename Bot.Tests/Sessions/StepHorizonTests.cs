using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>
/// The scheduler holds only the steps due within the near horizon (two hours by default); the database holds the rest
/// and each reconcile pass arms what came within reach.
/// </summary>
public sealed class StepHorizonTests : IAsyncLifetime
{
    /// <summary>Tuesday 14:00 in Paris: the day after the harness's Monday, far beyond a two-hour horizon.</summary>
    private static readonly RitualRule TuesdayAt14 = MondayAt14 with { Day = DayOfWeek.Tuesday };

    private static readonly DateTimeOffset TuesdaySlot = Monday.AddDays(1).AddHours(1);
    private FeatureHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Monday);
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted);
        _pair = await _h.PairAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task ReconcileAsync() => _h.Get<Reconciler>().RunOnceAsync();

    private async Task<IScheduler> QuartzAsync() => await _h.Get<ISchedulerFactory>().GetScheduler();

    private async Task<IReadOnlyCollection<TriggerKey>> TriggersAsync() => await (await QuartzAsync()).GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup());

    private async Task<Session> NextAsync() =>
        (await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(_pair.Id)).Single(s => s.Status == SessionStatus.Scheduled);

    private async Task<SessionStep[]> ArmedAsync(Session session)
    {
        var scheduler = _h.Get<SessionScheduler>();
        var armed = new List<SessionStep>();
        foreach (var step in Enum.GetValues<SessionStep>())
            if (await scheduler.IsArmedAsync(session.Id, step))
                armed.Add(step);
        return [.. armed];
    }

    [Fact]
    public async Task A_ritual_beyond_the_horizon_is_planned_in_the_database_and_armed_step_by_step_as_the_horizon_reaches_it()
    {
        await _h.RitualAsync(_pair, TuesdayAt14);

        await ReconcileAsync();
        var session = await NextAsync();
        Assert.Equal(TuesdaySlot, session.SlotAt);
        Assert.Empty(await ArmedAsync(session));

        // Two hours and a minute before the slot: the reminder (10 min), the preparation (62 s) and the opening are in reach.
        _h.Time.SetUtcNow(TuesdaySlot.AddMinutes(-119));
        await ReconcileAsync();
        Assert.Equal([SessionStep.Remind, SessionStep.Prepare, SessionStep.Open], await ArmedAsync(session));

        _h.Time.Advance(TimeSpan.FromMinutes(20));
        await ReconcileAsync();
        Assert.Equal(Enum.GetValues<SessionStep>(), await ArmedAsync(session));
    }

    [Fact]
    public async Task A_step_exactly_at_the_end_of_the_horizon_is_armed_once_and_not_left_between_two_top_ups()
    {
        await _h.RitualAsync(_pair, TuesdayAt14);
        await ReconcileAsync();
        var session = await NextAsync();

        _h.Time.SetUtcNow(TuesdaySlot.AddMinutes(-120)); // the opening is due exactly at the end of the horizon
        await _h.Get<StepHorizon>().TopUpAsync();
        Assert.Contains(SessionStep.Open, await ArmedAsync(session));
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _h.Get<StepHorizon>().TopUpAsync());
        Assert.Equal(3, (await TriggersAsync()).Count);

        _h.Time.Advance(TimeSpan.FromMinutes(15)); // the warning, due 15 minutes after the slot, comes within reach
        Assert.Equal(1, await _h.Get<StepHorizon>().TopUpAsync());
        Assert.Equal([SessionStep.Remind, SessionStep.Prepare, SessionStep.Open, SessionStep.Warn], await ArmedAsync(session));
    }

    [Fact]
    public async Task A_paused_ritual_takes_its_armed_steps_out_of_the_scheduler_and_its_later_steps_are_never_armed()
    {
        await _h.RitualAsync(_pair, MondayAt14);
        await ReconcileAsync();
        var session = await NextAsync();
        Assert.Equal(Enum.GetValues<SessionStep>(), await ArmedAsync(session));

        var ritual = await _h.Get<RitualRepository>().GetAsync(_pair.Id);
        await _h.Get<RitualRepository>().SaveAsync(ritual! with { Paused = true });
        await _h.Get<RitualChanges>().ReplanAsync(_pair);
        _h.Time.Advance(TimeSpan.FromDays(2));
        await ReconcileAsync();

        Assert.Empty(await TriggersAsync());
        Assert.Empty(await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(_pair.Id));
    }

    [Fact]
    public async Task A_ritual_moved_to_another_day_replaces_its_armed_steps_with_none_until_the_new_day_comes_within_reach()
    {
        await _h.RitualAsync(_pair, MondayAt14);
        await ReconcileAsync();
        var before = await NextAsync();

        await _h.RitualAsync(_pair, TuesdayAt14);
        await _h.Get<RitualChanges>().ReplanAsync(_pair);
        await ReconcileAsync();

        Assert.Empty(await ArmedAsync(before));
        Assert.Equal(TuesdaySlot, (await NextAsync()).SlotAt);
        Assert.Empty(await TriggersAsync());
    }

    [Fact]
    public async Task A_restart_goes_on_from_the_stored_mark_and_a_lost_scheduler_file_is_armed_again_without_duplicates()
    {
        await _h.RitualAsync(_pair, MondayAt14);
        await ReconcileAsync();
        var armed = (await TriggersAsync()).ToHashSet();
        var mark = await _h.Get<StepHorizon>().PlannedUntilAsync();
        Assert.Equal(Monday.AddMinutes(120), mark);

        // A new process: a new horizon planner reads the mark from the scheduler's store and has nothing to add.
        var restarted = new StepHorizon(_h.Get<ISchedulerFactory>(), _h.Get<DueSteps>(), _h.Get<SessionScheduler>(), new InProcessClusterLocks(), _h.Time,
            NullLogger<StepHorizon>.Instance);
        Assert.Equal(0, await restarted.TopUpAsync());

        // The scheduler's file lost: mark and triggers go together, and the next pass arms the same steps once each.
        await (await QuartzAsync()).Clear();
        await ReconcileAsync();
        Assert.Equal(armed, (await TriggersAsync()).ToHashSet());
        Assert.Single(await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(_pair.Id));
    }

    [Fact]
    public async Task A_trigger_lost_shortly_before_its_step_is_due_is_armed_again_by_the_next_pass()
    {
        await _h.RitualAsync(_pair, MondayAt14);
        await ReconcileAsync();
        var session = await NextAsync();
        await (await QuartzAsync()).UnscheduleJob(SessionScheduler.Key(session.Id, SessionStep.Open));

        _h.Time.SetUtcNow(session.SlotAt.AddMinutes(-3));
        await ReconcileAsync();

        Assert.Contains(SessionStep.Open, await ArmedAsync(session));
    }

    [Fact]
    public async Task A_first_top_up_with_thousands_due_arms_the_nearest_first_and_the_next_top_up_goes_on_from_there()
    {
        // 150 sessions 7 s apart (no two steps due at once), none armed yet, as a database whose scheduler store is new:
        // 750 steps in reach.
        var slot = Monday.AddMinutes(30);
        for (var i = 0; i < 150; i++)
        {
            var draft = new Session(0, _pair.Id, Guild, SessionKind.Ritual, slot.AddSeconds(7 * i), 15, 5, SessionStatus.Scheduled, null, false, null, null, null, Monday, null);
            await _h.Get<SessionRepository>().CreateAsync(draft, SessionPlanner.Steps(draft, 10, TimeSpan.FromSeconds(62), Monday));
        }

        // A scheduler holding nothing yet, not even the mark the start set on the empty database.
        await (await QuartzAsync()).Clear();
        var horizon = _h.Get<StepHorizon>();
        Assert.Equal(StepHorizon.MaxPerTopUp, await horizon.TopUpAsync());
        var mark = await horizon.PlannedUntilAsync();
        Assert.True(mark < Monday.AddMinutes(120));
        Assert.All(await _h.Get<DueSteps>().BetweenAsync(Monday, mark!.Value), s => Assert.True(_h.Get<SessionScheduler>().IsArmedAsync(s.SessionId, s.Step).Result));

        Assert.Equal(750 - StepHorizon.MaxPerTopUp, await horizon.TopUpAsync());
        Assert.Equal(750, (await TriggersAsync()).Count);
    }
}
