using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// A gateway session: created by IDENTIFY, it numbers its dispatches and keeps them so that a RESUME can replay what
/// a disconnected client missed (https://discord.com/developers/docs/events/gateway#resuming).
/// </summary>
internal sealed class GatewaySession(string id, int intents, int shardId, int shardCount)
{
    private readonly List<(int Seq, string Frame)> log = [];

    public string Id { get; } = id;

    public int Intents { get; } = intents;

    public int ShardId { get; } = shardId;

    public int ShardCount { get; } = shardCount;

    public int Seq { get; private set; }

    /// <summary>The connection receiving this session's dispatches now, if any.</summary>
    public GatewayConnection? Connection { get; set; }

    public DateTimeOffset? DisconnectedAt { get; set; }

    /// <summary>Closed with 1000/1001, invalidated by op 9 false, or closed with a code that ends the session.</summary>
    public bool Invalidated { get; set; }

    public bool IsAlive(DateTimeOffset now, TimeSpan resumeWindow) =>
        !Invalidated && (Connection is not null || DisconnectedAt is not { } since || now - since <= resumeWindow);

    /// <summary>Guild events reach the shard that owns the guild: (guild_id &gt;&gt; 22) % num_shards; DMs go to shard 0.</summary>
    public bool OwnsGuild(Snowflake? guildId) =>
        guildId is { } id ? (int)((id.Value >> 22) % (ulong)ShardCount) == ShardId : ShardId == 0;

    /// <summary>Numbers a dispatch, keeps it for replay, and sends it if connected.</summary>
    public void Dispatch(string eventName, JsonNode? data)
    {
        Seq++;
        var frame = new JsonObject { ["op"] = 0, ["d"] = data?.DeepClone(), ["s"] = Seq, ["t"] = eventName }.ToJsonString();
        log.Add((Seq, frame));
        Connection?.Send(frame);
    }

    /// <summary>Every dispatch after <paramref name="seq"/>, in order.</summary>
    public IEnumerable<string> After(long seq) => log.Where(e => e.Seq > seq).Select(e => e.Frame);
}
