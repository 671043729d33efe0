using CrossCoaching.Discord;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Messaging;

/// <summary>
/// Sends the outbox's due rows, a few at a time: until Discord takes a message, refuses it for good (4xx other than
/// 429), or it no longer makes sense. An outage (5xx, timeout, unreachable) moves the row's next attempt further out,
/// in the database, so the backoff survives a restart. Rows are claimed before they are sent
/// (<see cref="OutboxStore.ClaimDueAsync"/>): with several instances on one database, each row goes out from one.
/// </summary>
public sealed class OutboxWorker(
    Outbox outbox, OutboxStore store, OutboxSender sender, IOutboxRefusals refusals, OutboxMetrics metrics, TimeProvider time,
    ILogger<OutboxWorker> logger)
    : BackgroundService
{
    private const int Batch = 50;
    private const int Senders = 4;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan BacklogEvery = TimeSpan.FromSeconds(10);

    private long _idleRequests, _idleSeen;
    private DateTimeOffset _backlogReadAt = DateTimeOffset.MinValue;

    /// <summary>
    /// Completes after a pass that began after this call found nothing due (tests wait on it). A row waiting out its
    /// backoff is not due, so an outage does not keep this waiting.
    /// </summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        var request = Interlocked.Increment(ref _idleRequests);
        while (Volatile.Read(ref _idleSeen) < request)
        {
            if (ExecuteTask is { IsCompleted: true } stopped)
                throw new InvalidOperationException("The outbox worker is not running", stopped.Exception);
            outbox.Wake();
            await Task.Delay(5, cancellationToken);
        }
    }

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 2 * Math.Pow(2, Math.Min(attempts, 16))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadBacklogAsync(stoppingToken);
                var request = Volatile.Read(ref _idleRequests);
                var due = await store.ClaimDueAsync(time.GetUtcNow(), Batch, stoppingToken);
                if (due.Count == 0)
                {
                    InterlockedMax(ref _idleSeen, request);
                    await outbox.WaitForWorkAsync(Poll, stoppingToken);
                    continue;
                }

                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Senders, CancellationToken = stoppingToken },
                    async (row, token) => await DeliverAsync(row, token));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                logger.LogError(e, "The outbox could not be read; trying again shortly");
                await Task.Delay(Poll, stoppingToken);
            }
        }
    }

    private async Task DeliverAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        if (await store.IsObsoleteAsync(row, time.GetUtcNow(), cancellationToken))
        {
            await store.DroppedAsync(row, time.GetUtcNow(), "obsolete");
            metrics.Dropped(row.Kind);
            logger.LogInformation("Dropped the {Kind} message {Row} of session {Session}: it no longer makes sense", row.Kind, row.Id, row.SessionId);
            return;
        }

        if (row is { Target: "edit", MessageId: null })
        {
            // An edit of a post still owed: it waits for the post, then edits the message the post recorded.
            switch (await store.PostOfEditAsync(row, cancellationToken))
            {
                case { State: "sent", ChannelId: { } channel, MessageId: { } message }:
                    row = row with { ChannelId = channel, MessageId = message };
                    break;
                case { State: "pending" }:
                    await store.RetryLaterAsync(row, time.GetUtcNow() + Backoff(0), "waiting for its post");
                    return;
                default:
                    await store.DroppedAsync(row, time.GetUtcNow(), "its post was never sent");
                    metrics.Dropped(row.Kind);
                    return;
            }
        }

        try
        {
            var sent = await sender.SendAsync(row, cancellationToken);
            await store.SentAsync(row, sent, time.GetUtcNow());
            metrics.Sent(row.Kind);
        }
        catch (DiscordApiException e) when (e.Status is >= 400 and < 500 and not 429)
        {
            // Refused for good (DMs closed, room gone, permission missing): retrying would not change it. Ids and
            // Discord's code only, never the text.
            await store.RefusedAsync(row, time.GetUtcNow(), $"HTTP {e.Status}, code {e.Code}");
            metrics.Failed(row.Kind);
            logger.LogWarning("Discord refused the {Kind} message {Row} (session {Session}, user {User}, channel {Channel}): HTTP {Status}, code {Code}",
                row.Kind, row.Id, row.SessionId, row.UserId, row.ChannelId, e.Status, e.Code);
            await refusals.TellAsync(row, e, cancellationToken);
        }
        catch (Exception e) when (IsTransient(e, cancellationToken))
        {
            var at = time.GetUtcNow() + Backoff(row.Attempts);
            await store.RetryLaterAsync(row, at, e.GetType().Name);
            metrics.Retried(row.Kind);
            logger.LogInformation("The {Kind} message {Row} did not go through ({Reason}); attempt {Attempt} at {At:O}",
                row.Kind, row.Id, e.GetType().Name, row.Attempts + 2, at);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug, not Discord: the row backs off like an outage so that one bad row never spins the worker.
            await store.RetryLaterAsync(row, time.GetUtcNow() + Backoff(row.Attempts), e.GetType().Name);
            metrics.Retried(row.Kind);
            logger.LogError(e, "Could not send the {Kind} message {Row}", row.Kind, row.Id);
        }
    }

    /// <summary>The backlog gauges' reading, taken only while a listener observes them, at most every few seconds.</summary>
    private async Task ReadBacklogAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!metrics.WantsBacklog || now - _backlogReadAt < BacklogEvery)
            return;
        _backlogReadAt = now;
        var (count, oldest) = await store.BacklogAsync(cancellationToken);
        metrics.Backlog(count, oldest is { } at ? now - at : TimeSpan.Zero);
    }

    /// <summary>An outage, a rate limit left to us, a timeout: the outcome is unknown or temporary, and the nonce makes a retry safe.</summary>
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is DiscordException ||
        (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (current < value && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
            current = seen;
    }
}
