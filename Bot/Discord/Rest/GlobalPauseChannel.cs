using System.Globalization;
using CrossCoaching.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// A global 429 stops the whole bot, not the instance that drew it: on PostgreSQL the instance that sees one says so
/// on a <c>NOTIFY</c> channel, and every instance listening pauses its requests for as long. The wait travels, not the
/// instant it ends, so a late notice only makes the others wait a little longer than asked, never shorter. Alone
/// (SQLite) there is no one to tell: nothing runs.
/// </summary>
/// <remarks>
/// PostgreSQL's LISTEN/NOTIFY rather than a row read before every request: the notice arrives within milliseconds
/// and costs nothing while no 429 comes. A notice lost while the listening connection is broken is covered by the
/// shares (<see cref="GlobalShare"/>): the instances together stay under the limit, so a global 429 is rare to begin with.
/// </remarks>
internal sealed class GlobalPauseChannel(
    SqliteConnectionFactory connections,
    GlobalRateLimiter global,
    [FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time,
    ILogger<GlobalPauseChannel> logger)
    : BackgroundService
{
    internal const string Channel = "crosscoaching_rest_global_pause";
    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(5);

    private int _listening;

    /// <summary>Whether the channel is being listened to (tests wait for it).</summary>
    public bool Listening => Volatile.Read(ref _listening) == 1;

    /// <summary>Tells the other instances (and this one again, harmlessly) to pause for <paramref name="wait"/>.</summary>
    public void Announce(TimeSpan wait)
    {
        if (connections.Provider == StorageProvider.Postgres)
            _ = AnnounceAsync(wait);
    }

    private async Task AnnounceAsync(TimeSpan wait)
    {
        try
        {
            await using var connection = await connections.OpenAsync();
            await connection.ExecuteAsync("SELECT pg_notify(@Channel, @payload)",
                new { Channel, payload = ((long)Math.Ceiling(wait.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) });
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(e, "Could not tell the other instances about a global rate limit; they learn it from Discord");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connections.Provider != StorageProvider.Postgres)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                try
                {
                    await ListenAsync(stoppingToken);
                }
                catch (Exception e) when (e is System.Data.Common.DbException or IOException or TimeoutException or InvalidOperationException)
                {
                    Volatile.Write(ref _listening, 0);
                    logger.LogWarning(e, "Lost the channel of global rate limits; listening again in {Delay}", ReconnectAfter);
                    await Task.Delay(ReconnectAfter, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        // A connection of its own, outside the work pool, held for the life of the process; keepalives notice a
        // connection that died silently, which would otherwise wait for notices forever.
        var builder = new NpgsqlConnectionStringBuilder(connections.ConnectionString) { KeepAlive = 30, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, e) => Heard(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        Volatile.Write(ref _listening, 1);
        while (true)
            await connection.WaitAsync(stoppingToken);
    }

    private void Heard(string payload)
    {
        if (!long.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) || milliseconds > TimeSpan.FromDays(1).TotalMilliseconds)
            return;
        global.Pause(TimeSpan.FromMilliseconds(milliseconds));
        logger.LogWarning("Another instance drew a global rate limit: pausing requests for {Wait} ms", milliseconds);
    }
}
