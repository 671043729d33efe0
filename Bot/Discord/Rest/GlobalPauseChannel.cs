using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// A global 429 stops the whole bot, not the instance that drew it: on PostgreSQL the instance that sees one says so
/// on a channel (<see cref="IGlobalPauseNotices"/>, LISTEN/NOTIFY), and every instance listening pauses its requests
/// for as long. The wait travels, not the instant it ends, so a late notice only makes the others wait a little longer
/// than asked, never shorter. Alone (SQLite) there is no one to tell: nothing runs.
/// </summary>
/// <remarks>
/// A notice rather than a row read before every request: it arrives within milliseconds and costs nothing while no
/// 429 comes. A notice lost while the listening connection is broken is covered by the shares
/// (<see cref="GlobalShare"/>): the instances together stay under the limit, so a global 429 is rare to begin with.
/// Each notice names its sender (a token of this process), because the sender hears its own notice too: that one is
/// neither obeyed again nor reported as another instance's.
/// </remarks>
internal sealed class GlobalPauseChannel(
    IGlobalPauseNotices notices,
    GlobalRateLimiter global,
    [FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time,
    ILogger<GlobalPauseChannel> logger)
    : BackgroundService
{
    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(5);

    private readonly string _sender = Guid.NewGuid().ToString("N");
    private int _listening;

    /// <summary>Whether the channel is being listened to (tests wait for it).</summary>
    public bool Listening => Volatile.Read(ref _listening) == 1;

    /// <summary>Tells the other instances to pause for <paramref name="wait"/>.</summary>
    public void Announce(TimeSpan wait)
    {
        if (notices.Shared)
            _ = AnnounceAsync(wait);
    }

    private async Task AnnounceAsync(TimeSpan wait)
    {
        try
        {
            await notices.SendAsync(string.Create(CultureInfo.InvariantCulture, $"{_sender} {(long)Math.Ceiling(wait.TotalMilliseconds)}"));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(e, "Could not tell the other instances about a global rate limit; they learn it from Discord");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notices.Shared)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                try
                {
                    await notices.ListenAsync(Heard, () => Volatile.Write(ref _listening, 1), stoppingToken);
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

    /// <summary>A notice: "sender milliseconds" (a bare number from a release that named no sender counts as another's).</summary>
    private void Heard(string notice)
    {
        var parts = notice.Split(' ');
        var (sender, wait) = parts.Length == 2 ? (parts[0], parts[1]) : ("", parts[0]);
        if (!long.TryParse(wait, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) || milliseconds > TimeSpan.FromDays(1).TotalMilliseconds)
            return;
        if (sender == _sender)
            return; // our own notice, back to us: the pause was taken when the 429 came
        global.Pause(TimeSpan.FromMilliseconds(milliseconds));
        logger.LogWarning("Another instance drew a global rate limit: pausing requests for {Wait} ms", milliseconds);
    }
}
