using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// A fault the tests switch on: events of the chosen names reach the gateway sessions some time after the change that
/// caused them, as Discord may send CHANNEL_CREATE after the REST answer that made the channel
/// (https://github.com/discord/discord-api-docs/issues/6573: "the API may respond earlier than that"). Held events keep
/// their order among themselves and are numbered when they are finally sent. Used under the world's lock.
/// </summary>
internal sealed class LateEvents(World world, Action<string, JsonNode?, Snowflake?, int> deliver) : IDisposable
{
    private readonly Dictionary<string, TimeSpan> delays = new(StringComparer.Ordinal);
    private readonly List<Held> held = [];
    private ITimer? timer;

    private sealed record Held(DateTimeOffset Due, string EventName, JsonNode? Data, Snowflake? GuildId, int Intent);

    public int Pending => held.Count;

    /// <summary>Events named so are held for <paramref name="delay"/>; <see cref="TimeSpan.Zero"/> sends them at once again.</summary>
    public void Set(TimeSpan delay, IEnumerable<string> eventNames)
    {
        foreach (var name in eventNames)
        {
            if (delay > TimeSpan.Zero)
                delays[name] = delay;
            else
                delays.Remove(name);
        }
    }

    /// <summary>Holds the event if its name is delayed; held events leave in the order they came.</summary>
    public bool Hold(string eventName, JsonNode? data, Snowflake? guildId, int intent)
    {
        if (!delays.TryGetValue(eventName, out var delay))
            return false;
        var due = world.Now + delay;
        if (held.Count > 0 && held[^1].Due > due)
            due = held[^1].Due; // a shorter delay set later must not overtake what is already held
        held.Add(new Held(due, eventName, data?.DeepClone(), guildId, intent));
        Arm();
        return true;
    }

    /// <summary>Sends every held event now, in order.</summary>
    public void Flush() => Deliver(DateTimeOffset.MaxValue);

    private void Deliver(DateTimeOffset upTo)
    {
        while (held.Count > 0 && held[0].Due <= upTo)
        {
            var next = held[0];
            held.RemoveAt(0);
            deliver(next.EventName, next.Data, next.GuildId, next.Intent);
        }
        Arm();
    }

    private void Arm()
    {
        timer?.Dispose();
        timer = null;
        if (held.Count == 0)
            return;
        var wait = held[0].Due - world.Now;
        timer = world.Time.CreateTimer(_ =>
        {
            lock (world.Sync)
                Deliver(world.Now);
        }, null, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        timer?.Dispose();
        timer = null;
    }
}
