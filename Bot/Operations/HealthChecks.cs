using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrossCoaching.Operations;

/// <summary>The answer to a health request: whether it passed, and a few lines saying why.</summary>
public sealed record HealthReport(bool Healthy, string Text);

/// <summary>
/// Liveness: the host runs (started, not stopping) and no background service crashed. Readiness: alive, the database
/// answers a query, and every gateway shard this instance runs is connected (READY or RESUMED, not dropped since).
/// </summary>
public sealed class HealthChecks(
    IHostApplicationLifetime lifetime, IServiceProvider services, SqliteConnectionFactory connections, IGatewayStatus gateway)
{
    /// <summary>A database slower than this to answer counts as unreachable: the check must answer before Docker's timeout.</summary>
    public static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(3);

    private IReadOnlyList<BackgroundService>? _background;

    public HealthReport Live()
    {
        var lines = new List<string>();
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
            lines.Add("host: starting");
        else if (lifetime.ApplicationStopping.IsCancellationRequested)
            lines.Add("host: stopping");
        // Resolved at the first request: the listener is itself a hosted service, so not in its constructor.
        _background ??= [.. services.GetServices<IHostedService>().OfType<BackgroundService>()];
        foreach (var crashed in _background.Where(s => s.ExecuteTask is { IsFaulted: true }))
            lines.Add($"{crashed.GetType().Name}: crashed");
        return lines.Count == 0 ? new(true, "live") : new(false, string.Join('\n', lines));
    }

    public async Task<HealthReport> ReadyAsync(CancellationToken cancellationToken)
    {
        var live = Live();
        var lines = new List<string> { live.Healthy ? "host: running" : live.Text };
        var database = await DatabaseAsync(cancellationToken);
        lines.Add($"database: {database ?? "ok"}");
        var shards = gateway.Shards;
        if (!gateway.Settled)
            lines.Add("shards: not started yet");
        lines.AddRange(shards.Select(s => $"shard {s.Id}: {(s.Connected ? "connected" : "disconnected")}"));
        var ready = live.Healthy && database is null && gateway.Settled && shards.All(s => s.Connected);
        return new(ready, (ready ? "ready" : "not ready") + "\n" + string.Join('\n', lines));
    }

    /// <returns>Null when the database answered; otherwise why not, without connection details.</returns>
    private async Task<string?> DatabaseAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DatabaseTimeout);
        try
        {
            await using var connection = await connections.OpenAsync(timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {DatabaseTimeout.TotalSeconds:0} s";
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return $"unreachable ({e.GetType().Name})";
        }
    }
}
