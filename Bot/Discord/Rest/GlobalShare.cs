using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// This instance's part of the bot's global budget of <see cref="Budget"/> requests per second. Discord counts the
/// limit per bot, whatever the number of processes, so on PostgreSQL the live instances split it: each takes
/// <see cref="Budget"/> / (live instances), counted from the <c>instances</c> table at each heartbeat. Nothing is
/// asked of the database per request. Alone (SQLite, one process) the instance keeps the whole budget, as before.
/// </summary>
/// <remarks>
/// <para>
/// The sum stays within the budget while instances come and go, because each side waits for the other: an instance
/// that joins sends at the <see cref="Floor"/> for <see cref="Settling"/> (two heartbeats) before taking its share, by
/// which time every other live instance has counted it and shrunk; an instance whose last count is older than
/// <see cref="Fresh"/> (the database out of reach) falls to the <see cref="Floor"/>, since the others may soon take it
/// for dead and grow. A dead instance's row is counted until it expires (a minute): its share is left unused, never
/// used twice.
/// </para>
/// <para>
/// The <see cref="Floor"/> is what an instance sends while it cannot know its share; Discord's 50 less our 40 leave room
/// for five instances joining at once. Beyond 20 instances, 40 / N falls below the floor and the instances together
/// may pass 40 (not 50 until 25).
/// </para>
/// </remarks>
public sealed class GlobalShare([FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time)
{
    /// <summary>Below Discord's 50, so that a clock that drifts between us and Discord never tips a burst over.</summary>
    public const int Budget = 40;

    /// <summary>Requests per second of an instance that cannot know its share yet (joining, or its count is stale).</summary>
    public const int Floor = 2;

    /// <summary>How long a joining instance stays at the floor: two heartbeats, so every other instance has counted it.</summary>
    public static readonly TimeSpan Settling = TimeSpan.FromSeconds(20);

    /// <summary>How old a count of the live instances may be: a heartbeat and a half.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(15);

    private readonly Lock _sync = new();
    private DateTimeOffset? _joinedAt;
    private int _live = 1;
    private DateTimeOffset _countedAt;

    /// <summary>This instance's row is in the <c>instances</c> table (several instances may share the database).</summary>
    public void Joined()
    {
        lock (_sync)
            _joinedAt ??= time.GetUtcNow();
    }

    /// <summary>
    /// The heartbeat counted <paramref name="liveInstances"/> live instances, this one included. Stamped with the
    /// Discord client's clock, the one the limiter reads (the count was read just before: a conservative stamp).
    /// </summary>
    public void Counted(int liveInstances)
    {
        lock (_sync)
            (_live, _countedAt) = (Math.Max(liveInstances, 1), time.GetUtcNow());
    }

    /// <summary>How many requests per second this instance may send now.</summary>
    public int PerSecond()
    {
        lock (_sync)
            return Of(_joinedAt, _live, _countedAt, time.GetUtcNow());
    }

    internal static int Of(DateTimeOffset? joinedAt, int liveInstances, DateTimeOffset countedAt, DateTimeOffset now)
    {
        if (joinedAt is not { } joined)
            return Budget;
        if (now - joined < Settling || now - countedAt > Fresh)
            return Floor;
        return Math.Max(Floor, Budget / Math.Max(liveInstances, 1));
    }
}
