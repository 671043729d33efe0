using System.Diagnostics.Metrics;
using CrossCoaching.Hosting;

namespace CrossCoaching.Messaging;

/// <summary>
/// What the outbox tells an operator through the bot's meter: messages owed, sent, refused, dropped, retried, and how
/// many are waiting. The backlog is read from the database only while something listens to it (see
/// <see cref="WantsBacklog"/>), so with metrics off it costs no query.
/// </summary>
public sealed class OutboxMetrics
{
    private readonly Counter<long> _owed;
    private readonly Counter<long> _finished;
    private readonly Counter<long> _retried;
    private readonly ObservableGauge<long> _pending;
    private readonly ObservableGauge<double> _oldest;
    private Reading _backlog = new(0, 0);

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(BotMeter.Name);
        _owed = meter.CreateCounter<long>("crosscoaching.outbox.owed", "{message}",
            "Messages written to the outbox (owed by a state change), by kind.");
        _finished = meter.CreateCounter<long>("crosscoaching.outbox.finished", "{message}",
            "Outbox messages done with, by kind and result: sent, failed (Discord refused it for good) or dropped (no longer made sense).");
        _retried = meter.CreateCounter<long>("crosscoaching.outbox.retries", "{attempt}",
            "Sends that did not go through for a reason that may pass (outage, timeout, rate limit) and wait for another attempt.");
        _pending = meter.CreateObservableGauge("crosscoaching.outbox.pending", () => Volatile.Read(ref _backlog).Count, "{message}",
            "Messages owed and not yet sent (pending rows), refreshed every few seconds while observed.");
        _oldest = meter.CreateObservableGauge("crosscoaching.outbox.oldest_pending_age", () => Volatile.Read(ref _backlog).OldestSeconds, "s",
            "How long the oldest pending message has been owed; 0 when none is.");
    }

    /// <summary>Whether a listener observes the backlog, so that the worker reads it from the database.</summary>
    public bool WantsBacklog => _pending.Enabled || _oldest.Enabled;

    public void Owed(string kind) => _owed.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Sent(string kind) => Finished(kind, "sent");

    public void Failed(string kind) => Finished(kind, "failed");

    public void Dropped(string kind) => Finished(kind, "dropped");

    public void Retried(string kind) => _retried.Add(1, new KeyValuePair<string, object?>("kind", kind));

    internal void Backlog(long count, TimeSpan oldest) => Volatile.Write(ref _backlog, new(count, Math.Max(0, oldest.TotalSeconds)));

    private void Finished(string kind, string result) =>
        _finished.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("result", result));

    private sealed record Reading(long Count, double OldestSeconds);
}
