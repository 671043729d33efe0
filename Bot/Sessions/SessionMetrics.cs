using System.Diagnostics.Metrics;
using CrossCoaching.Hosting;

namespace CrossCoaching.Sessions;

/// <summary>What sessions tell an operator through the bot's meter: how they end, and how late their steps run.</summary>
public sealed class SessionMetrics
{
    private readonly Counter<long> _ended;
    private readonly Histogram<double> _lateness;

    public SessionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(BotMeter.Name);
        _ended = meter.CreateCounter<long>("crosscoaching.sessions.ended", "{session}",
            "Sessions ended by this instance, by outcome: held, partial, missed, skipped, cancelled or failed.");
        _lateness = meter.CreateHistogram("crosscoaching.sessions.step.lateness", "s",
            "How long after its due time a session step ran (remind, prepare, open, warn, close); 0 when on time.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900] });
    }

    public void Ended(string outcome) => _ended.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void StepRan(SessionStep step, TimeSpan late) =>
        _lateness.Record(Math.Max(0, late.TotalSeconds), new KeyValuePair<string, object?>("step", step.Code()));
}
