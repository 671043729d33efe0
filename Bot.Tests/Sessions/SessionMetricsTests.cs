using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>How sessions end and how late their steps run, read through a listener on the bot's meter.</summary>
public sealed class SessionMetricsTests : IAsyncLifetime
{
    private FeatureHarness _h = null!;
    private Pair _pair = null!;
    private MetricRecorder _metrics = null!;

    public async Task InitializeAsync()
    {
        (_h, _pair) = await StartWithRitualAsync();
        _metrics = new MetricRecorder(_h.Services);
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        await _h.DisposeAsync();
    }

    private async Task<Session> PlanAsync() => (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;

    [Fact]
    public async Task Each_step_records_how_late_it_ran_and_the_close_counts_the_session_by_its_outcome()
    {
        var session = await PlanAsync();
        await _h.RunStepAtDueAsync(session, SessionStep.Remind);
        await _h.RunStepAtDueAsync(session, SessionStep.Prepare);
        _h.Time.SetUtcNow(session.SlotAt.AddSeconds(90));
        await _h.Get<SessionRunner>().RunAsync(session.Id, SessionStep.Open);
        await _h.RunStepAtDueAsync(session, SessionStep.Warn);
        await _h.RunStepAtDueAsync(session, SessionStep.Close);

        var lateness = _metrics.Of("crosscoaching.sessions.step.lateness").ToDictionary(m => m.Tag("step")!, m => m.Value);
        Assert.Equal(new Dictionary<string, double> { ["remind"] = 0, ["prepare"] = 0, ["open"] = 90, ["warn"] = 0, ["close"] = 0 }, lateness);
        // Nobody came into the room: a session that opened and that no one attended is missed.
        var ended = Assert.Single(_metrics.Of("crosscoaching.sessions.ended"));
        Assert.Equal("missed", ended.Tag("outcome"));
    }

    [Fact]
    public async Task A_step_that_already_ran_records_nothing_more()
    {
        var session = await PlanAsync();
        await _h.RunStepAtDueAsync(session, SessionStep.Remind);
        await _h.Get<SessionRunner>().RunAsync(session.Id, SessionStep.Remind);

        Assert.Single(_metrics.Of("crosscoaching.sessions.step.lateness"));
    }

    [Fact]
    public async Task A_skipped_session_counts_as_skipped_once()
    {
        var session = await PlanAsync();
        await _h.Get<SessionEnder>().CancelAsync(session.Id, SessionStatus.Skipped, announced: false);
        await _h.Get<SessionEnder>().CancelAsync(session.Id, SessionStatus.Skipped, announced: false);

        Assert.Equal(1, _metrics.Sum("crosscoaching.sessions.ended", "outcome", "skipped"));
    }
}
