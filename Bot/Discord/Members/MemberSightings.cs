using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Discord.Members;

/// <summary>
/// The last time Discord showed a user in a guild (or said they are not in it), kept only as long as it is fresh:
/// stale entries are swept as new ones come, so the memory follows the members seen in the last minutes.
/// </summary>
public sealed class MemberSightings([FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time)
{
    /// <summary>
    /// How long a sighting (or a "not found") stands for the truth: about as old as the REST look-up at a reminder that
    /// it replaces would be by the room's turn, and short enough that a departure is noticed before the next session.
    /// </summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(Snowflake Guild, Snowflake User), (bool Member, DateTimeOffset At)> _seen = new();
    private int _added;

    public void Saw(Snowflake guild, Snowflake user, bool member)
    {
        _seen[(guild, user)] = (member, time.GetUtcNow());
        if (Interlocked.Increment(ref _added) % 1000 == 0)
            Sweep();
    }

    public void Forget(Snowflake guild, Snowflake user) => _seen.TryRemove((guild, user), out _);

    /// <summary>True or false while fresh; null when never seen or seen too long ago.</summary>
    public bool? Know(Snowflake guild, Snowflake user) =>
        _seen.TryGetValue((guild, user), out var seen) && time.GetUtcNow() - seen.At < Fresh ? seen.Member : null;

    public int Count => _seen.Count;

    private void Sweep()
    {
        var stale = time.GetUtcNow() - Fresh;
        foreach (var (key, seen) in _seen)
            if (seen.At < stale)
                _seen.TryRemove(key, out _);
    }
}
