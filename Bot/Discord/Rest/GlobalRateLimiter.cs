using System.Diagnostics.Metrics;
using CrossCoaching.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// Discord's global limit: at most 50 requests per second per bot, and a full stop when Discord answers a 429 with
/// <c>global</c> (https://discord.com/developers/docs/topics/rate-limits#global-rate-limit). Interaction callbacks and
/// interaction webhooks are not bound to it and do not come here.
/// </summary>
/// <remarks>
/// Discord counts a request when it arrives, which is some time between our send and its answer. So a request holds
/// its slot from its send until one second after its answer: however late requests arrive (a slow link, a queue in
/// the HTTP stack), no more than <see cref="RequestsPerSecond"/> of them can arrive within one second. Counting sends
/// alone is not enough: 40 requests that leave at 0 s and arrive at 0.9 s, then 40 that leave at 1 s, make 80 within
/// a tenth of a second on Discord's side. With several instances on one database, this instance's part of the budget
/// is its <see cref="GlobalShare"/>.
/// </remarks>
internal sealed class GlobalRateLimiter
{
    /// <summary>The whole budget, which a lone instance keeps (see <see cref="GlobalShare.Budget"/>).</summary>
    public const int RequestsPerSecond = GlobalShare.Budget;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly GlobalShare _share;

    private readonly Lock _sync = new();

    // The slots taken: in flight (no answer yet) or answered within the last second, oldest first.
    private readonly List<Slot> _slots = [];
    private DateTimeOffset _pausedUntil;

    public GlobalRateLimiter([FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time, GlobalShare? share = null, IMeterFactory? meters = null)
    {
        (_time, _share) = (time, share ?? new GlobalShare(time));
        meters?.Create(BotMeter.Name).CreateObservableGauge("crosscoaching.discord.rest.global_share", () => (long)PerSecond, "{request}/s",
            "This instance's part of Discord's global limit of requests per second: the whole budget alone, an even part of it with several instances on one database.");
    }

    /// <summary>The requests per second this instance allows itself now.</summary>
    public int PerSecond => _share.PerSecond();

    /// <summary>Until when a global 429 stops the requests bound to the global limit.</summary>
    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_sync)
                return _pausedUntil;
        }
    }

    /// <summary>
    /// Waits for a slot (and for the end of a global pause), then takes it. Dispose the result when the answer (or the
    /// failure) arrives: the slot is held for one second more.
    /// </summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (wait, slot) = TryTake();
            if (slot is not null)
                return slot;
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    /// <summary>Stops every request bound to the global limit for <paramref name="wait"/> (a global 429).</summary>
    public void Pause(TimeSpan wait)
    {
        lock (_sync)
        {
            var until = _time.GetUtcNow() + wait;
            if (until > _pausedUntil)
                _pausedUntil = until;
        }
    }

    private (TimeSpan Wait, Slot? Slot) TryTake()
    {
        lock (_sync)
        {
            var now = _time.GetUtcNow();
            if (_pausedUntil > now)
                return (_pausedUntil - now, null);
            _slots.RemoveAll(s => s.AnsweredAt is { } at && at <= now - Window);
            if (_slots.Count >= _share.PerSecond())
            {
                // A slot still in flight frees one second after its answer at the earliest, so no sooner than a second
                // from now: the first answered slot to expire, or a second, is when to look again.
                var freed = _slots.Where(s => s.AnsweredAt is not null).Select(s => s.AnsweredAt!.Value + Window - now).DefaultIfEmpty(Window).Min();
                return (freed, null);
            }
            var slot = new Slot(this);
            _slots.Add(slot);
            return (TimeSpan.Zero, slot);
        }
    }

    private void Answered(Slot slot)
    {
        lock (_sync)
            slot.AnsweredAt ??= _time.GetUtcNow();
    }

    private sealed class Slot(GlobalRateLimiter owner) : IDisposable
    {
        public DateTimeOffset? AnsweredAt { get; set; }

        public void Dispose() => owner.Answered(this);
    }
}
