using CrossCoaching.Sessions;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>
/// Arming the horizon stores many triggers per scheduler transaction: on the durable store each transaction costs tens of
/// milliseconds under load, whatever it holds, so a large community's first pass would otherwise take seconds.
/// </summary>
public sealed class StepBatchTests : IAsyncLifetime
{
    private FeatureHarness _h = null!;
    private CountingScheduler _counting = null!;
    private SessionScheduler _scheduler = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Monday);
        var real = await _h.Get<ISchedulerFactory>().GetScheduler();
        _counting = new CountingScheduler(real);
        _scheduler = new SessionScheduler(new OneScheduler(_counting), _h.Get<IOptions<SessionOptions>>(), _h.Time);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static List<SessionStepDue> Steps(int sessions, DateTimeOffset from) =>
        [.. Enumerable.Range(1, sessions).SelectMany(i => Enum.GetValues<SessionStep>()
            .Select(step => new SessionStepDue(i, step, from.AddSeconds(7 * i + (int)step), StepState.Pending, 0)))];

    [Fact]
    public async Task Arming_hundreds_of_steps_stores_them_in_a_few_scheduler_transactions_each_with_its_own_trigger()
    {
        var steps = Steps(100, Monday.AddMinutes(30)); // 500 steps within the horizon

        Assert.Equal(500, await _scheduler.ArmAsync(steps));

        Assert.True(_counting.Writes <= (500 + SessionScheduler.BatchSize - 1) / SessionScheduler.BatchSize, $"{_counting.Writes} scheduler writes");
        foreach (var step in steps)
        {
            var trigger = await _counting.GetTrigger(SessionScheduler.Key(step.SessionId, step.Step));
            Assert.Equal(step.DueAt, trigger!.StartTimeUtc);
        }
    }

    [Fact]
    public async Task A_step_armed_already_keeps_its_trigger_when_many_are_armed_again()
    {
        var steps = Steps(20, Monday.AddMinutes(30));
        await _scheduler.ArmAsync(steps.Take(1));
        var moved = steps[0] with { DueAt = steps[0].DueAt.AddMinutes(5) };

        Assert.Equal(steps.Count, await _scheduler.ArmAsync([moved, .. steps.Skip(1)]));

        Assert.Equal(steps[0].DueAt, (await _counting.GetTrigger(SessionScheduler.Key(moved.SessionId, moved.Step)))!.StartTimeUtc);
    }

    /// <summary>Counts the calls that store triggers, one scheduler transaction each.</summary>
    private sealed class CountingScheduler(IScheduler inner) : DelegatingScheduler(inner)
    {
        public int Writes { get; private set; }

        public override ValueTask<DateTimeOffset> ScheduleJob(IJobDetail jobDetail, ITrigger trigger, ScheduleJobOptions options = default, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.ScheduleJob(jobDetail, trigger, options, cancellationToken);
        }

        public override ValueTask<DateTimeOffset> ScheduleJob(ITrigger trigger, ScheduleJobOptions options = default, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.ScheduleJob(trigger, options, cancellationToken);
        }

        public override ValueTask<ScheduleTriggerResult> ScheduleTrigger(ITrigger trigger, TriggerConflict onConflict, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.ScheduleTrigger(trigger, onConflict, cancellationToken);
        }

        public override ValueTask ScheduleJobs(IReadOnlyDictionary<IJobDetail, IReadOnlyCollection<ITrigger>> triggersAndJobs, ScheduleJobOptions options = default,
            CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.ScheduleJobs(triggersAndJobs, options, cancellationToken);
        }

        public override ValueTask ScheduleJob(IJobDetail jobDetail, IReadOnlyCollection<ITrigger> triggersForJob, ScheduleJobOptions options = default,
            CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.ScheduleJob(jobDetail, triggersForJob, options, cancellationToken);
        }
    }

    private sealed class OneScheduler(IScheduler scheduler) : ISchedulerFactory
    {
        public ValueTask<List<IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) => new([scheduler]);

        public ValueTask<IScheduler> GetScheduler(CancellationToken cancellationToken = default) => new(scheduler);

        public ValueTask<IScheduler?> LookupScheduler(string schedName, CancellationToken cancellationToken = default) => new(scheduler);
    }
}
